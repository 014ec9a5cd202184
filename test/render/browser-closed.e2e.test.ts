import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser.js';
import { exampleText, GJOVIK, LILLEHAMMER, runCli, tempTree } from '../helpers.js';

/** Processes whose command line names `dir` (the browser's profile lives there): none once the run is over. */
function processesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmd.includes(dir)) found.push(`${pid} ${cmd.slice(0, 120)}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

describe.skipIf(process.platform !== 'linux')('render --pdf leaves no browser behind', () => {
  let browser: string;
  beforeAll(async () => {
    browser = (await findBrowser(undefined)).chosen!.path;
  });

  /** Runs render with the browser's profile in the test's own temporary folder, and checks nothing is left there. */
  const render = (dir: string, args: string[]) => {
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    const r = runCli(['render', ...args], { cwd: dir, env: { TMPDIR: tmp, PUPPETEER_EXECUTABLE_PATH: browser } });
    // A killed renderer may take a moment to be reaped on a loaded machine: gone within 5 s, not at once.
    for (let waited = 0; waited < 5000 && (processesUnder(tmp).length > 0 || readdirSync(tmp).length > 0); waited += 100) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
    expect(processesUnder(tmp)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
    return r;
  };

  it('after an error in the middle of a batch', () => {
    const t = tempTree({ 'a.yaml': exampleText(GJOVIK), 'b.yaml': exampleText(LILLEHAMMER), 'c.yaml': exampleText(GJOVIK).replace('kommune: Gjøvik', 'kommune: Hamar') });
    try {
      // b's page cannot be written: a folder with something in it stands where it would go.
      mkdirSync(path.join(t.dir, 'out/b.html'), { recursive: true });
      writeFileSync(path.join(t.dir, 'out/b.html/x'), '');
      const r = render(t.dir, ['a.yaml', 'b.yaml', 'c.yaml', '--pdf', '--jobs', '1']);
      expect(r.status).toBe(2);
      expect(r.stderr + r.stdout).toContain('b.html');
      // Nothing is written after the error.
      expect(existsSync(path.join(t.dir, 'out/b.pdf'))).toBe(false);
      expect(existsSync(path.join(t.dir, 'out/c.html'))).toBe(false);
    } finally {
      t.cleanup();
    }
  }, 60_000);

  it('after a batch where a report passed its own checks but not those across reports', () => {
    // The browser starts at a.yaml, the first report that passes alone; b.yaml is its copy.
    const t = tempTree({ 'a.yaml': exampleText(GJOVIK), 'b.yaml': exampleText(GJOVIK) });
    try {
      const r = render(t.dir, ['a.yaml', 'b.yaml', '--pdf', '--no-html']);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain('did not write b.yaml');
      expect(readdirSync(path.join(t.dir, 'out'))).toEqual(['a.pdf']);
    } finally {
      t.cleanup();
    }
  }, 60_000);

  it('after a batch that printed', () => {
    const t = tempTree({ 'a.yaml': exampleText(GJOVIK), 'b.yaml': exampleText(LILLEHAMMER) });
    try {
      const r = render(t.dir, ['a.yaml', 'b.yaml', '--pdf', '--no-html']);
      expect(r.status).toBe(0);
      expect(readdirSync(path.join(t.dir, 'out')).sort()).toEqual(['a.pdf', 'b.pdf']);
    } finally {
      t.cleanup();
    }
  }, 60_000);
});
