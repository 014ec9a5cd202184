import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Spool } from '../../src/engine/spool.js';
import { fileOutput } from '../../src/cli/output.js';
import { writeFileSync, readFileSync } from 'node:fs';

const record = (i: number) => `{"file":"rapporter/k${i}/2012-aarsrapport.yaml","message":"${'æøå '.repeat(i % 50)}"}`;

describe('the spool that keeps a batch’s findings out of memory', () => {
  it('gives back every record, in order and byte for byte, across many pieces on disk', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'spool-'));
    try {
      const spool = new Spool(dir);
      const n = 5000; // about 600 KB: several 64 KB pieces
      for (let i = 0; i < n; i++) expect(spool.put(record(i))).toBe(i);
      expect(spool.get(4321).toString('utf8')).toBe(record(4321));
      const all = [...spool.all()].map((b) => b.toString('utf8'));
      expect(all).toHaveLength(n);
      expect(all.every((text, i) => text === record(i))).toBe(true);
      spool.close();
      expect(readdirSync(dir)).toEqual([]); // nothing left behind
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the records in memory when the temporary folder cannot be written, and loses none', () => {
    const spool = new Spool(path.join(tmpdir(), 'no-such-folder-for-bosoreport', 'x'));
    for (let i = 0; i < 2000; i++) spool.put(record(i));
    const all = [...spool.all()].map((b) => b.toString('utf8'));
    expect(all.every((text, i) => text === record(i))).toBe(true);
    expect(all).toHaveLength(2000);
    spool.close();
  });

  it('keeps a small run in memory: records read back before a piece is full, and those put after', () => {
    const spool = new Spool(path.join(tmpdir(), 'no-such-folder-for-bosoreport', 'y'));
    spool.put('a');
    expect(spool.get(0).toString()).toBe('a');
    for (let i = 0; i < 3000; i++) spool.put(record(i));
    const all = [...spool.all()].map((b) => b.toString('utf8'));
    expect(all[0]).toBe('a');
    expect(all.slice(1).every((text, i) => text === record(i))).toBe(true);
  });
});

describe('results written to a file a piece at a time', () => {
  it('leaves the old file and no temporary file when the run gives up half-way', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'out-'));
    try {
      const file = path.join(dir, 'resultat.json');
      writeFileSync(file, 'forrige');
      const out = await fileOutput(file);
      for (let i = 0; i < 2000; i++) await out.write(record(i));
      await out.abort();
      expect(readFileSync(file, 'utf8')).toBe('forrige');
      expect(readdirSync(dir)).toEqual(['resultat.json']);
      const again = await fileOutput(file);
      for (let i = 0; i < 2000; i++) await again.write(record(i));
      await again.end();
      expect(readFileSync(file, 'utf8')).toBe(Array.from({ length: 2000 }, (_, i) => record(i)).join(''));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a batch whose findings go through the spool', () => {
  it('reports each file as a run of that file alone does, in every format that lists findings', async () => {
    const { runMain, tempTree, exampleText, GJOVIK } = await import('../helpers.js');
    const text = exampleText(GJOVIK);
    const files: Record<string, string> = {};
    // Enough findings (four to six a copy, with long messages) to fill several pieces on disk.
    for (let i = 0; i < 150; i++) files[`k${String(i).padStart(3, '0')}.yaml`] = text.replace('kommune: Gjøvik', `kommune: Kommune${i}`);
    const t = tempTree(files);
    try {
      const alone = JSON.parse((await runMain(['validate', 'k149.yaml', '-f', 'json'], { cwd: t.dir })).stdout);
      const batch = await runMain(['validate', '.', '-f', 'json'], { cwd: t.dir });
      const parsed = JSON.parse(batch.stdout);
      expect(parsed.filer).toHaveLength(150);
      expect(parsed.filer.map((f: { fil: string }) => f.fil)).toEqual(Object.keys(files));
      const last = parsed.filer[149];
      expect(last.diagnostikk.map((d: { ruleId: string; line: number }) => `${d.line} ${d.ruleId}`)).toEqual(
        alone.filer[0].diagnostikk.map((d: { ruleId: string; line: number }) => `${d.line} ${d.ruleId}`),
      );
      for (const format of ['stylish', 'sarif', 'junit', 'github']) {
        const r = await runMain(['validate', '.', '-f', format], { cwd: t.dir });
        expect(r.stdout).toContain('k149.yaml');
        expect(r.stdout.indexOf('k000.yaml')).toBeLessThan(r.stdout.indexOf('k149.yaml'));
      }
    } finally {
      t.cleanup();
    }
  });
});
