import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, runMain, tempTree } from '../helpers.js';

const FILE = 'rapporter/gjovik/2012-aarsrapport.yaml';

/** A PDF asked for without a browser that works: exit 2, the right reason, and nothing said to be written that was not. */
describe('render without a working browser', () => {
  it('names the missing --browser and writes nothing for -o x.pdf', async () => {
    const t = tempTree({ [FILE]: exampleText(GJOVIK) });
    try {
      const r = await runMain(['render', FILE, '--browser', '/nonexistent/chrome', '-o', 'x.pdf', '--quiet'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('The browser named by --browser, /nonexistent/chrome, does not exist or is not a program that can be run.');
      expect(r.stdout).not.toMatch(/written|wrote/i);
      expect(readdirSync(t.dir)).toEqual(['rapporter']);
    } finally {
      t.cleanup();
    }
  });

  it('names PUPPETEER_EXECUTABLE_PATH when that is the one missing, in bokmål too', async () => {
    const t = tempTree({ [FILE]: exampleText(GJOVIK) });
    try {
      const r = await runMain(['render', FILE, '-o', 'x.pdf', '--quiet', '--lang', 'nb'], { cwd: t.dir, env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' } });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('Nettleseren PUPPETEER_EXECUTABLE_PATH peker på, /nonexistent/chrome, finnes ikke');
      expect(r.stdout).not.toMatch(/skrev|skrevet/);
    } finally {
      t.cleanup();
    }
  });

  it('says a browser that does not start did not start, and lists only the HTML it did write', async () => {
    const t = tempTree({ [FILE]: exampleText(GJOVIK) });
    try {
      // Node is a program, but no browser: it refuses Chromium's flags and exits.
      const r = await runMain(['render', FILE, '--browser', process.execPath, '--pdf', '-d', 'ut', '--quiet', '--timeout', '10'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(`The browser ${process.execPath} did not start`);
      expect(r.stdout).toContain(`wrote ${path.join('ut', '2012-aarsrapport.html')}`);
      expect(r.stdout).not.toContain('.pdf');
      expect(existsSync(path.join(t.dir, 'ut/2012-aarsrapport.pdf'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('summary --pdf gives the same reason and writes no file', async () => {
    const t = tempTree({ [FILE]: exampleText(GJOVIK) });
    try {
      const r = await runMain(['summary', 'rapporter/', '--pdf', '-o', 'oversikt.pdf', '--browser', '/nonexistent/chrome'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('The browser named by --browser, /nonexistent/chrome, does not exist');
      expect(existsSync(path.join(t.dir, 'oversikt.pdf'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});
