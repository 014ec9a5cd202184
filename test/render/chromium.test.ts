import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, launchArgs } from '../../src/render/chromium.js';

describe('the browser bosoreport starts itself', () => {
  it('gets the command line puppeteer.launch would give it, so it prints as the same browser', () => {
    const launched = [...puppeteer.defaultArgs({ headless: true, args: launchArgs() }), '--remote-debugging-pipe', '--user-data-dir=/tmp/profile'];
    expect(chromiumArgs('/tmp/profile')).toEqual(launched);
  });

  it("is taken over by puppeteer's connect, loaded from the module it lives in", async () => {
    // If a new puppeteer moves it, printing still works (from the package's entry), only slower to start.
    const mod = (await import('puppeteer-core/internal/common/BrowserConnector.js')) as unknown as { _connectToBrowser?: unknown };
    expect(typeof mod._connectToBrowser).toBe('function');
  });
});
