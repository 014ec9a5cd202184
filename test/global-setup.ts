import { findBrowser } from '../src/render/browser.js';

/**
 * The bundled Chromium unpacks itself into the temp folder on first use. Several test files start
 * renders at once; unpacking once here, before any of them, keeps them from racing to unpack it.
 */
export default async function setup(): Promise<void> {
  await findBrowser(undefined);
}
