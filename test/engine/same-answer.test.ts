import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview } from '../../src/cli/commands/preview/run.js';
import { commonBase } from '../../src/cli/commands/render/run.js';
import { exampleText, GJOVIK, runMain, tempTree } from '../helpers.js';

/**
 * One engine under every command: the same reports give the same findings and the same exit code
 * from validate, render, compute, summary and preview. Two repositories a user really makes:
 * a report copied into a second folder, and next year's report whose «pr. 01.01» is not last
 * year's «pr. 31.12».
 */
const gjovik2013 = exampleText(GJOVIK)
  .replace('rapporteringsaar: 2012', 'rapporteringsaar: 2013')
  .replace(/2013-02-18/g, '2014-02-18');
const FIXTURES = {
  copies: { 'rapporter/gjovik/2012-aarsrapport.yaml': exampleText(GJOVIK), 'rapporter/gjovik2/2012-aarsrapport.yaml': exampleText(GJOVIK) },
  chain: { 'rapporter/gjovik/2012-aarsrapport.yaml': exampleText(GJOVIK), 'rapporter/gjovik/2013-aarsrapport.yaml': gjovik2013 },
} as const;

interface Finding {
  line: number;
  col: number;
  severity: string;
  ruleId: string;
  message: string;
}
type Findings = Record<string, string[]>;
const key = (d: Finding) => `${d.line}:${d.col} ${d.severity} ${d.ruleId}`;

/** Findings per file from `validate -f json`, as «line:col severity rule». */
function fromJson(stdout: string): Findings {
  const out: Findings = {};
  for (const f of JSON.parse(stdout).filer as { fil: string; diagnostikk: Finding[] }[]) out[f.fil] = f.diagnostikk.map(key).sort();
  return out;
}

/** Findings per file from the terminal format every command prints. */
function fromStylish(stdout: string): Findings {
  const out: Findings = {};
  for (const m of stdout.matchAll(/^(\S+):(\d+):(\d+) +(error|warning) +.*\((\S+)\)$/gm)) (out[m[1]!] ??= []).push(`${m[2]}:${m[3]} ${m[4]} ${m[5]}`);
  for (const list of Object.values(out)) list.sort();
  return out;
}

for (const [name, files] of Object.entries(FIXTURES)) {
  describe(`the ${name} repository`, () => {
    let tree: { dir: string; cleanup: () => void };
    let expected: Findings;
    let expectedExit: number | null;
    let crossIds: string[];
    const run = (args: string[]) => runMain([...args, '--lang', 'en'], { cwd: tree.dir });

    beforeAll(async () => {
      tree = tempTree(files);
      const validate = await run(['validate', 'rapporter', '-f', 'json']);
      expected = fromJson(validate.stdout);
      expectedExit = validate.status;
      crossIds = [
        ...new Set(
          Object.values(expected)
            .flat()
            .map((k) => k.split(' ')[2]!)
            .filter((id) => id === 'dobbel-rapport' || id === 'status-0101-ulik-fjoraaret'),
        ),
      ];
    });
    afterAll(() => tree?.cleanup());

    it('has a finding across reports for validate to agree on', () => {
      expect(crossIds).toEqual([name === 'copies' ? 'dobbel-rapport' : 'status-0101-ulik-fjoraaret']);
      expect(expectedExit).toBe(name === 'copies' ? 1 : 0);
    });

    it('validate: each report given alone is held against the rest of its repository', async () => {
      for (const file of Object.keys(files)) {
        const alone = await run(['validate', file, '-f', 'json']);
        expect(fromJson(alone.stdout)[file]).toEqual(expected[file]);
      }
    });

    it('render: the same findings and exit code; a report with errors is not written, the notes carry the findings', async () => {
      const r = await run(['render', 'rapporter', '-d', 'ut']);
      expect(r.status).toBe(expectedExit);
      expect(fromStylish(r.stdout)).toEqual(Object.fromEntries(Object.entries(expected).filter(([, l]) => l.length)));
      const base = commonBase(Object.keys(files), tree.dir);
      for (const file of Object.keys(files)) {
        const html = path.join(tree.dir, 'ut', path.relative(base, path.join(tree.dir, file)).replace(/\.yaml$/, '.html'));
        const failed = expected[file]!.some((k) => k.includes(' error '));
        expect(existsSync(html), file).toBe(!failed);
        if (!failed) for (const id of crossIds.filter((id) => expected[file]!.some((k) => k.endsWith(` ${id}`)))) expect(readFileSync(html, 'utf8')).toContain(`regel ${id}`);
      }
      if (name === 'copies') expect(r.stdout).toContain('did not write rapporter/gjovik2/2012-aarsrapport.yaml');
    });

    it("compute: every report alone gives validate's findings in its JSON and validate's exit code", async () => {
      for (const file of Object.keys(files)) {
        const c = await run(['compute', file, '--json']);
        expect((JSON.parse(c.stdout).diagnostikk as Finding[]).map(key).sort()).toEqual(expected[file]);
        expect(c.status).toBe(expected[file]!.some((k) => k.includes(' error ')) ? 1 : 0);
      }
    });

    it('summary: the same exit code, and the findings across reports in the overview', async () => {
      const s = await run(['summary', 'rapporter', '-f', 'json']);
      expect(s.status).toBe(expectedExit);
      const overview = JSON.parse(s.stdout) as { funn: { regel?: string; ruleId?: string }[]; rapporter: { fil?: string; file?: string; feil?: number; errors?: number }[] };
      const rules = overview.funn.map((f) => f.regel ?? f.ruleId);
      for (const id of crossIds) expect(rules).toContain(id);
    });

    it('fix: what is left after fixing is what validate finds, with its exit code', async () => {
      const r = await run(['fix', 'rapporter', '--dry-run']);
      expect(r.status).toBe(expectedExit);
      expect(fromStylish(r.stdout)).toEqual(Object.fromEntries(Object.entries(expected).filter(([, l]) => l.length)));
    });

    it("init --from: last year's report is refused exactly when validate fails it", async () => {
      for (const [i, file] of Object.keys(files).entries()) {
        const r = await run(['init', 'aarsrapport-2012', '--kommune', 'Testvik', '--aar', '2014', '--from', file, '-o', `ny-${i}.yaml`]);
        expect(r.status, file).toBe(expected[file]!.some((k) => k.includes(' error ')) ? 1 : 0);
      }
    });

    it("preview: each report's page lists validate's findings", async () => {
      const sink = { write: () => true, isTTY: false } as unknown as NodeJS.WritableStream;
      for (const file of Object.keys(files)) {
        const preview = await startPreview(file, { io: { stdout: sink, stderr: sink, env: { LANG: 'C' }, cwd: tree.dir }, lang: 'en' });
        try {
          const page = await (await fetch(preview.url)).text();
          const banner = page.slice(page.indexOf('id="bosoreport-forhandsvisning"'), page.indexOf('</div>', page.indexOf('id="bosoreport-forhandsvisning"')));
          expect(banner.match(/<li>/g)?.length ?? 0).toBe(expected[file]!.length);
          for (const k of expected[file]!) expect(banner).toContain(`line ${k.split(':')[0]}:`);
        } finally {
          await preview.close();
        }
      }
    });
  });
}
