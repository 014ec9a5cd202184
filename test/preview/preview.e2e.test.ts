import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import { startPreview, type Preview } from '../../src/cli/commands/preview/run.js';
import { findBrowser } from '../../src/render/browser.js';
import { exampleText, GJOVIK, tempTree } from '../helpers.js';

/**
 * What a programme leader sees while writing: the report in the browser the project prints with,
 * following each save of the file.
 */
const FILE = 'rapporter/gjovik/2012-aarsrapport.yaml';
let tree: { dir: string; cleanup: () => void };
let preview: Preview;
let browser: Browser;
let page: Page;
const sink = () => ({ write: () => true, isTTY: false }) as unknown as NodeJS.WritableStream;

beforeAll(async () => {
  tree = tempTree({ [FILE]: exampleText(GJOVIK) });
  preview = await startPreview(FILE, { io: { stdout: sink(), stderr: sink(), env: { LANG: 'C' }, cwd: tree.dir }, lang: 'nb' });
  const { default: puppeteer } = await import('puppeteer-core');
  const lookup = await findBrowser(undefined);
  browser = await puppeteer.launch({ executablePath: lookup.chosen!.path, headless: true, pipe: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  page = await browser.newPage();
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  tree?.cleanup();
});

// Numbers are written with a no-break space between thousands («1 390»); compare with plain spaces.
const text = async () => (await page.evaluate(() => document.body.innerText)).replace(/[\u00a0\u202f]/g, ' ');
const showing = (words: string) => page.waitForFunction((w) => document.body.innerText.replace(/[\u00a0\u202f]/g, ' ').includes(w), { timeout: 2000 }, words);
const save = (content: string) => writeFileSync(path.join(tree.dir, FILE), content);

describe('bosoreport preview', () => {
  it('serves the report as the form on 127.0.0.1, with its problems at the top', async () => {
    expect(preview.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.goto(preview.url);
    const shown = await text();
    expect(shown).toContain('ÅRSRAPPORT 2012');
    expect(shown).toContain('1 390');
    expect(shown).toMatch(/0 feil og 4 advarsler/);
  });

  it('shows a saved change in the open page within 2 seconds, without a reload by hand', async () => {
    save(exampleText(GJOVIK).replace('januar: 1390', 'januar: 1391'));
    await showing('1 391');
    expect(await text()).not.toContain('1 390');
  });

  it('keeps the last good page on a YAML syntax error, and shows the error on top', async () => {
    save(`${exampleText(GJOVIK).replace('januar: 1390', 'januar: 1391')}\nfeil: "ikke lukket\n`);
    await showing('kan ikke vises');
    const shown = await text();
    expect(shown).toContain('Et anførselstegn åpnes, men lukkes aldri.');
    expect(shown).toContain('1 391');
  });

  it('answers only pages asked for by its own address', async () => {
    const port = new URL(preview.url).port;
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/', headers: { host: `evil.example:${port}` } }, (res) => resolve(res.statusCode ?? 0)).end();
    });
    expect(status).toBe(403);
  });
});

describe('bosoreport preview, the command', () => {
  it('prints its address, and stops cleanly on Ctrl-C (SIGINT) with exit 0', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers.js');
    const t = tempTree({ 'a.yaml': exampleText(GJOVIK) });
    try {
      const child = spawn(process.execPath, [BIN, 'preview', 'a.yaml', '--lang', 'en'], { cwd: t.dir, env: { PATH: process.env.PATH ?? '', LANG: 'C' } });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk));
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', () => {
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) resolve(m[0]);
        });
        child.on('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      child.kill('SIGINT');
      expect(await code).toBe(0);
      expect(out).toContain('The preview has stopped.');
    } finally {
      t.cleanup();
    }
  });

  it('refuses a file that is not there with exit 2', async () => {
    const { runMain } = await import('../helpers.js');
    const r = await runMain(['preview', 'finnes-ikke.yaml']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('finnes-ikke.yaml');
  });
});

describe('bosoreport preview --template-dir', () => {
  it('makes the page again when a template in the folder is saved', async () => {
    const t = tempTree({ 'a.yaml': exampleText(GJOVIK), 'maler/partials/slutt.hbs': '<footer>Første mal</footer>' });
    const p = await startPreview('a.yaml', { io: { stdout: sink(), stderr: sink(), env: { LANG: 'C' }, cwd: t.dir }, lang: 'nb' }, { templateDir: 'maler' });
    const tab = await browser.newPage();
    try {
      await tab.goto(p.url);
      expect(await tab.evaluate(() => document.body.innerText)).toContain('Første mal');
      writeFileSync(path.join(t.dir, 'maler/partials/slutt.hbs'), '<footer>Andre mal</footer>');
      await tab.waitForFunction(() => document.body.innerText.includes('Andre mal'), { timeout: 2000 });
    } finally {
      await tab.close();
      await p.close();
      t.cleanup();
    }
  });
});
