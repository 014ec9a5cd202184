import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { LIMITS } from '../../src/load/limits.js';
import { BIN, exampleText, GJOVIK, runCli, tempTree } from '../helpers.js';

const STACK = /\n\s+at .+:\d+:\d+/;

describe('the binary on broken input', () => {
  it('answers every broken report with a message naming the file, exit 1, and no stack trace', () => {
    const source = parse(exampleText(GJOVIK));
    const files: Record<string, string> = {};
    const samples = fc.sample(
      fc.tuple(fc.constantFrom('hovedmaal', 'delmaal_c', 'generell_programinformasjon', 'skjema'), fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant([]))),
      { numRuns: 15, seed: 42 },
    );
    samples.forEach(([key, value], i) => {
      files[`r${i}.yaml`] = stringify({ ...source, [key]: value });
    });
    files['binary.yaml'] = '\u0000\u0001PNG';
    files['cut.yaml'] = exampleText(GJOVIK).slice(0, 1234);
    const t = tempTree(files);
    try {
      for (const lang of ['nb', 'en']) {
        const r = runCli(['validate', '--lang', lang, '.'], { cwd: t.dir });
        expect(r.status).toBe(1);
        expect(r.stdout + r.stderr).not.toMatch(STACK);
        for (const name of Object.keys(files)) expect(r.stdout).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+  `, 'm'));
      }
    } finally {
      t.cleanup();
    }
  });

  it(`refuses more than ${LIMITS.maxFiles} files before reading them, exit 2`, () => {
    const t = tempTree({});
    try {
      const dir = path.join(t.dir, 'many');
      mkdirSync(dir);
      for (let i = 0; i <= LIMITS.maxFiles; i++) writeFileSync(path.join(dir, `${i}.yaml`), '');
      const r = runCli(['validate', 'many'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain(`${LIMITS.maxFiles + 1} files match "many"; bosoreport takes at most ${LIMITS.maxFiles} in one run.`);
    } finally {
      t.cleanup();
    }
  }, 60_000);
});

describe('crash safety', () => {
  it('a render killed in the middle leaves each PDF either the old one or a complete new one', async () => {
    const files: Record<string, string> = {};
    // One municipality each: copies of one report would be refused as duplicates.
    for (let i = 0; i < 24; i++) files[`reports/r${String(i).padStart(2, '0')}.yaml`] = exampleText(GJOVIK).replace('kommune: Gjøvik', `kommune: Testvik ${i}`);
    for (let i = 0; i < 24; i++) files[`out/r${String(i).padStart(2, '0')}.pdf`] = 'OLD';
    const t = tempTree(files);
    try {
      const child = spawn(process.execPath, [BIN, 'render', 'reports', '--pdf', '-d', 'out'], { cwd: t.dir, stdio: 'ignore' });
      const out = path.join(t.dir, 'out');
      // Wait until some, but not all, PDFs have been replaced, then kill without warning.
      const started = Date.now();
      for (;;) {
        const replaced = readdirSync(out).filter((f) => f.endsWith('.pdf') && readFileSync(path.join(out, f), 'latin1') !== 'OLD').length;
        if (replaced >= 2 || Date.now() - started > 60_000) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      child.kill('SIGKILL');
      await new Promise((r) => child.on('close', r));
      const pdfs = readdirSync(out).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(24);
      let fresh = 0;
      for (const f of pdfs) {
        const content = readFileSync(path.join(out, f), 'latin1');
        if (content === 'OLD') continue;
        fresh++;
        // Pages are made one report at a time (largest first), the HTML written before its PDF.
        expect(existsSync(path.join(out, f.replace(/\.pdf$/, '.html')))).toBe(true);
        expect(content.startsWith('%PDF-')).toBe(true);
        expect(content.trimEnd().endsWith('%%EOF')).toBe(true);
      }
      expect(fresh).toBeGreaterThanOrEqual(2);
      expect(fresh).toBeLessThan(24);
    } finally {
      t.cleanup();
    }
  }, 120_000);
});
