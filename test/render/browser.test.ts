import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser, installedCandidates } from '../../src/render/browser.js';
import { tempTree } from '../helpers.js';

/** Where bosoreport looks for a browser on each system, and that it never unpacks a Chromium that cannot run there. */
describe('browser lookup', () => {
  it('on macOS looks in /Applications and ~/Applications, for Chrome and its Beta, Dev and Canary, Edge, Chromium and Brave', () => {
    const paths = installedCandidates('darwin', { HOME: '/Users/kari' });
    expect(paths[0]).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(paths).toContain('/Users/kari/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    for (const app of [
      'Google Chrome Beta',
      'Google Chrome Dev',
      'Google Chrome Canary',
      'Microsoft Edge',
      'Microsoft Edge Beta',
      'Microsoft Edge Dev',
      'Chromium',
      'Brave Browser',
    ])
      expect(paths).toContain(`/Applications/${app}.app/Contents/MacOS/${app}`);
  });

  it('on Windows looks under both Program Files and the local application data, whatever case the variables have', () => {
    const paths = installedCandidates('win32', {
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\kari\\AppData\\Local',
    });
    expect(paths[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(paths).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    expect(paths).toContain('C:\\Users\\kari\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(paths).toContain('C:\\Program Files\\BraveSoftware\\Brave-Browser\\Application\\brave.exe');
    // Without the variables (a stripped environment), the usual folders still.
    expect(installedCandidates('win32', {})).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
  });

  it('on Linux looks in /usr/bin and snap', () => {
    const paths = installedCandidates('linux', {});
    expect(paths.slice(0, 2)).toEqual(['/usr/bin/google-chrome-stable', '/usr/bin/google-chrome']);
    expect(paths).toEqual(expect.arrayContaining(['/usr/bin/chromium', '/snap/bin/chromium', '/usr/bin/microsoft-edge', '/usr/bin/brave-browser']));
  });

  // On a Mac with Chrome in /Applications that one comes first.
  it.skipIf(existsSync('/Applications/Google Chrome.app'))('finds a Chrome dragged into ~/Applications on a Mac', async () => {
    const t = tempTree({});
    try {
      const chrome = path.join(t.dir, 'Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
      mkdirSync(path.dirname(chrome), { recursive: true });
      writeFileSync(chrome, '#!/bin/sh\n');
      chmodSync(chrome, 0o755);
      const lookup = await findBrowser(undefined, { HOME: t.dir }, { platform: 'darwin', arch: 'arm64' });
      expect(lookup.chosen).toEqual({ path: chrome, source: 'installed', found: true });
    } finally {
      t.cleanup();
    }
  });

  it('never offers the bundled Linux Chromium on macOS or Windows, or on Linux other than x64', async () => {
    for (const system of [
      { platform: 'darwin', arch: 'arm64' },
      { platform: 'darwin', arch: 'x64' },
      { platform: 'win32', arch: 'x64' },
      { platform: 'linux', arch: 'arm64' },
    ] as const) {
      const lookup = await findBrowser(undefined, { HOME: '/nonexistent' }, system);
      expect(
        lookup.tried.filter((c) => c.source === 'bundled'),
        `${system.platform} ${system.arch}`,
      ).toEqual([]);
    }
  });

  it('takes an explicit path as the answer, without looking further', async () => {
    const lookup = await findBrowser('/nonexistent/chrome', {}, { platform: 'linux', arch: 'x64' });
    expect(lookup).toEqual({ chosen: undefined, tried: [{ path: '/nonexistent/chrome', source: 'option', found: false }] });
  });
});
