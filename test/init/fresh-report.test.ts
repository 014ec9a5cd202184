import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FORMS, runMain, tempTree } from '../helpers.js';

interface Finding {
  ruleId: string;
  message: string;
  hint?: string;
  line: number;
}

/** Every built-in form, once per kind of report it serves (a combined form's half-year and annual report). */
const CASES = FORMS.forms.flatMap((form) => (form.variants ? Object.keys(form.variants.values) : [undefined]).map((periode) => ({ form: form.id, periode, aar: form.years[0] })));

/** Runs init for one form in a repository of its own, then validate over the repository. */
async function freshReport(c: (typeof CASES)[number]) {
  const t = tempTree({ 'package.json': '{}' });
  try {
    const args = ['init', c.form, '--kommune', 'Gjøvik', '--aar', String(c.aar), '--lang', 'nb', ...(c.periode ? ['--periode', c.periode] : [])];
    const init = await runMain(args, { cwd: t.dir });
    expect(init.status, init.stderr).toBe(0);
    const file = /skrev (\S+);/.exec(init.stdout)![1]!;
    const text = readFileSync(path.join(t.dir, file), 'utf8');
    const run = await runMain(['validate', 'rapporter', '-f', 'json', '--lang', 'nb'], { cwd: t.dir });
    const findings = JSON.parse(run.stdout).filer.flatMap((f: { diagnostikk: Finding[] }) => f.diagnostikk) as Finding[];
    return { text, findings };
  } finally {
    t.cleanup();
  }
}

describe('a fresh report from init', () => {
  for (const c of CASES) {
    it(`${c.form}${c.periode ? ` (${c.periode})` : ''}: every finding says «fill this in», none asks why a value is unknown`, async () => {
      const { text, findings } = await freshReport(c);
      expect(findings.filter((f) => f.ruleId !== 'ikke-utfylt').map((f) => `${f.line}: ${f.ruleId} ${f.message}`)).toEqual([]);
      // Something is left to fill in, and each value init left empty is among the findings.
      const lines = text.split('\n');
      const marked = lines.flatMap((l, i) => (/:\s*(?:null|\[\])\s+# fyll inn$/.test(l) ? [i + 1] : []));
      const emptyText = lines.flatMap((l, i) => (/:\s*""$/.test(l) ? [i + 1] : []));
      expect(marked.length + emptyText.length).toBeGreaterThan(0);
      expect(new Set(findings.map((f) => f.line))).toEqual(new Set([...marked, ...emptyText]));
      for (const f of findings.filter((x) => marked.includes(x.line))) expect(f.hint).toContain('i stedet for «fyll inn»');
      // The report is the one asked for: its period, if the form serves several.
      if (c.periode) expect(parse(text).periode).toBe(c.periode);
    });
  }

  it('tells the author to replace «fyll inn» with the reason when a figure is unknown, and then asks nothing more', async () => {
    const t = tempTree({ 'package.json': '{}' });
    try {
      await runMain(['init', 'aarsrapport-2012', '--kommune', 'Hamar', '--aar', '2013'], { cwd: t.dir });
      const file = path.join(t.dir, 'rapporter/hamar/2013-aarsrapport.yaml');
      const { writeFileSync } = await import('node:fs');
      // The author knows the need at 31.12 and not at 01.01, and says why.
      const text = readFileSync(file, 'utf8')
        .replace('status_behov_pr_0101: null # fyll inn', 'status_behov_pr_0101: null # Ikke kartlagt ved årets start.')
        .replace('status_behov_pr_3112: null # fyll inn', 'status_behov_pr_3112: 12');
      writeFileSync(file, text);
      const run = await runMain(['validate', 'rapporter', '-f', 'json'], { cwd: t.dir });
      const findings = JSON.parse(run.stdout).filer[0].diagnostikk as Finding[];
      const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
      const at = (needle: string) => findings.filter((f) => f.line === lineOf(needle)).map((f) => f.ruleId);
      expect(at('status_behov_pr_0101: null # Ikke kartlagt')).toEqual([]);
      expect(at('status_behov_pr_3112: 12')).toEqual([]);
      // A null whose «fyll inn» is simply deleted is an unknown figure again, and asks for its reason.
      writeFileSync(file, text.replace(/resultat: null # fyll inn/, 'resultat: null'));
      const after = JSON.parse((await runMain(['validate', 'rapporter', '-f', 'json'], { cwd: t.dir })).stdout).filer[0].diagnostikk as Finding[];
      expect(after.map((f) => f.ruleId)).toContain('ukjent-uten-forklaring');
    } finally {
      t.cleanup();
    }
  });
});
