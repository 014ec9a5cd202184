import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export type BrowserSource = 'option' | 'environment' | 'installed' | 'bundled';

export interface BrowserCandidate {
  path: string;
  source: BrowserSource;
  found: boolean;
  note?: string;
}

export interface BrowserLookup {
  /** The browser that will be used, if any. */
  chosen?: BrowserCandidate;
  /** Everything looked at, in order, for `bosoreport doctor` and error messages. */
  tried: BrowserCandidate[];
}

/** A file the system would run: a folder has the execute bit too, but starting it fails badly. */
function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Where Chrome, Chromium and Edge install themselves on the systems programme leaders use. */
export function installedCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ];
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
  ];
}

/**
 * Finds a browser to print with, in this order: --browser, PUPPETEER_EXECUTABLE_PATH (puppeteer-core
 * does not read it itself), an installed Chrome/Chromium/Edge, then the Chromium shipped in the npm
 * package @sparticuz/chromium (Linux x64), so a fresh Linux machine prints after `npm install` alone.
 * An explicit path that does not work is an answer, not a reason to fall back silently.
 */
export async function findBrowser(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<BrowserLookup> {
  const tried: BrowserCandidate[] = [];
  const pick = (candidate: BrowserCandidate): BrowserLookup => ({ chosen: candidate.found ? candidate : undefined, tried: [...tried, candidate] });
  if (explicit) return pick({ path: explicit, source: 'option', found: executable(explicit) });
  if (env.PUPPETEER_EXECUTABLE_PATH) return pick({ path: env.PUPPETEER_EXECUTABLE_PATH, source: 'environment', found: executable(env.PUPPETEER_EXECUTABLE_PATH) });
  for (const candidate of installedCandidates(process.platform, env)) {
    const found = executable(candidate);
    tried.push({ path: candidate, source: 'installed', found });
    if (found) return { chosen: tried[tried.length - 1], tried };
  }
  try {
    const mod = (await import('@sparticuz/chromium')) as { default: { executablePath(): Promise<string> } };
    const file = await mod.default.executablePath();
    const candidate = { path: file, source: 'bundled' as const, found: executable(file), note: '@sparticuz/chromium' };
    tried.push(candidate);
    if (candidate.found) return { chosen: candidate, tried };
  } catch (error) {
    tried.push({ path: '@sparticuz/chromium', source: 'bundled', found: false, note: (error as Error).message.split('\n')[0] });
  }
  return { tried };
}
