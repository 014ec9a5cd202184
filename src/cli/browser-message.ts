import { t, type Lang } from '../messages/index.js';
import type { BrowserLookup } from '../render/browser.js';

/**
 * Why no PDF can be printed, for a lookup that chose no browser: the one named with --browser or
 * PUPPETEER_EXECUTABLE_PATH is missing (nothing else was looked for), or none was found anywhere.
 */
export function noBrowserMessage(lang: Lang, lookup: BrowserLookup): string {
  const named = lookup.tried.find((c) => c.source === 'option' || c.source === 'environment');
  if (named) return t(lang, 'render/browser-missing', { path: named.path, from: named.source === 'option' ? '--browser' : 'PUPPETEER_EXECUTABLE_PATH' });
  return t(lang, 'render/no-browser', { tried: lookup.tried.map((c) => `${c.path}${c.note ? ` (${c.note})` : ''}`).join(', ') });
}
