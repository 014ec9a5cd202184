import { describe, expect, it } from 'vitest';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, launchArgs } from '../../src/render/chromium.js';

describe('the browser bosoreport starts itself, before puppeteer is loaded', () => {
  it('gets the command line puppeteer.launch would give it, so pages print the same', () => {
    const profile = '/tmp/bosoreport-chromium-test';
    // What puppeteer.launch({ headless: true, pipe: true, args: launchArgs() }) runs, from puppeteer itself.
    const theirs = [...puppeteer.defaultArgs({ headless: true, args: launchArgs(), userDataDir: profile }), '--remote-debugging-pipe'];
    expect(new Set(chromiumArgs(profile))).toEqual(new Set(theirs));
  });
});
