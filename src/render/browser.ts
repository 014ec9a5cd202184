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

/** Where the system keeps a variable: Windows names are case-insensitive, a plain object's are not. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

/** Chromium-based browsers on macOS: the app's name and the program inside it, stable channels first. */
const MAC_APPS = [
  'Google Chrome',
  'Microsoft Edge',
  'Chromium',
  'Brave Browser',
  'Google Chrome Beta',
  'Google Chrome Dev',
  'Google Chrome Canary',
  'Microsoft Edge Beta',
  'Microsoft Edge Dev',
  'Microsoft Edge Canary',
];

/** The same on Windows, below Program Files or (a per-user install) the local application data. */
const WINDOWS_PROGRAMS = [
  ['Google', 'Chrome', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
  ['Chromium', 'Application', 'chrome.exe'],
  ['BraveSoftware', 'Brave-Browser', 'Application', 'brave.exe'],
  ['Google', 'Chrome Beta', 'Application', 'chrome.exe'],
  ['Google', 'Chrome Dev', 'Application', 'chrome.exe'],
  ['Google', 'Chrome SxS', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge Beta', 'Application', 'msedge.exe'],
  ['Microsoft', 'Edge Dev', 'Application', 'msedge.exe'],
];

/** Where Chrome, Chromium, Edge and Brave install themselves on the systems programme leaders use. */
export function installedCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') {
    // Edge comes with Windows under Program Files (x86); Chrome installed without admin rights lives in LOCALAPPDATA.
    const roots = [envValue(env, 'PROGRAMFILES') ?? 'C:\\Program Files', envValue(env, 'PROGRAMFILES(X86)') ?? 'C:\\Program Files (x86)', envValue(env, 'LOCALAPPDATA')];
    const unique = [...new Set(roots.filter((r): r is string => Boolean(r)))];
    return WINDOWS_PROGRAMS.flatMap((parts) => unique.map((root) => path.win32.join(root, ...parts)));
  }
  if (platform === 'darwin') {
    // An app dragged in without admin rights lands in ~/Applications.
    const home = envValue(env, 'HOME');
    const folders = ['/Applications', ...(home ? [path.posix.join(home, 'Applications')] : [])];
    return MAC_APPS.flatMap((app) => folders.map((folder) => path.posix.join(folder, `${app}.app`, 'Contents', 'MacOS', app)));
  }
  return [
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/brave-browser',
    '/usr/bin/google-chrome-beta',
    '/usr/bin/google-chrome-unstable',
  ];
}

/**
 * The Chromium in @sparticuz/chromium is a Linux x64 program. The package declares no `os`/`cpu`,
 * so npm installs it everywhere; elsewhere it is never loaded, since loading it unpacks ~190 MB
 * into the temp folder for a browser that cannot start there.
 */
export function bundledRunsOn(platform: NodeJS.Platform, arch: string): boolean {
  return platform === 'linux' && arch === 'x64';
}

/**
 * Finds a browser to print with, in this order: --browser, PUPPETEER_EXECUTABLE_PATH (puppeteer-core
 * does not read it itself), an installed Chrome/Chromium/Edge/Brave, then (Linux x64 only) the
 * Chromium shipped in the npm package @sparticuz/chromium, so a fresh Linux machine prints after
 * `npm install` alone.
 * An explicit path that does not work is an answer, not a reason to fall back silently.
 */
export async function findBrowser(
  explicit: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  system: { platform: NodeJS.Platform; arch: string } = process,
): Promise<BrowserLookup> {
  const tried: BrowserCandidate[] = [];
  const pick = (candidate: BrowserCandidate): BrowserLookup => ({ chosen: candidate.found ? candidate : undefined, tried: [...tried, candidate] });
  if (explicit) return pick({ path: explicit, source: 'option', found: executable(explicit) });
  if (env.PUPPETEER_EXECUTABLE_PATH) return pick({ path: env.PUPPETEER_EXECUTABLE_PATH, source: 'environment', found: executable(env.PUPPETEER_EXECUTABLE_PATH) });
  for (const candidate of installedCandidates(system.platform, env)) {
    const found = executable(candidate);
    tried.push({ path: candidate, source: 'installed', found });
    if (found) return { chosen: tried[tried.length - 1], tried };
  }
  if (!bundledRunsOn(system.platform, system.arch)) return { tried };
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
