import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMain, tempTree } from '../helpers.js';

/** The schema a report's first line points the editor at, resolved from the report's own folder. */
function modelineTarget(report: string): string {
  const first = readFileSync(report, 'utf8').split('\n')[0]!;
  const ref = /^# yaml-language-server: \$schema=(.+)$/.exec(first)?.[1];
  expect(ref, first).toBeDefined();
  return path.resolve(path.dirname(report), ref!);
}

const crossRuleIds = async (cwd: string) => {
  const v = JSON.parse((await runMain(['validate', 'rapporter', '--format', 'json'], { cwd })).stdout);
  return v.filer.flatMap((f: { diagnostikk: { ruleId: string }[] }) => f.diagnostikk.map((d) => d.ruleId));
};

describe('init without -o', () => {
  it('writes rapporter/<kommune>/<år>-<type>.yaml, the layout the cross-report rules expect', async () => {
    const t = tempTree({ 'package.json': '{}' });
    try {
      const r = await runMain(['init', 'aarsrapport-2012', '--kommune', 'Gjøvik', '--aar', '2013'], { cwd: t.dir });
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(path.join(t.dir, 'rapporter/gjovik/2013-aarsrapport.yaml'))).toBe(true);
      expect(await crossRuleIds(t.dir)).not.toContain('filnavn-stemmer-ikke');
    } finally {
      t.cleanup();
    }
  });

  it("continues the layout from where the user stands: in rapporter/, or in the municipality's folder", async () => {
    const t = tempTree({ 'package.json': '{}', 'rapporter/hamar/.keep': '' });
    try {
      await runMain(['init', 'aarsrapport-2012', '--kommune', 'Gjøvik', '--aar', '2013'], { cwd: path.join(t.dir, 'rapporter') });
      await runMain(['init', 'aars-og-halvaarsrapport-2011', '--kommune', 'Hamar kommune', '--aar', '2011'], { cwd: path.join(t.dir, 'rapporter/hamar') });
      expect(existsSync(path.join(t.dir, 'rapporter/gjovik/2013-aarsrapport.yaml'))).toBe(true);
      expect(existsSync(path.join(t.dir, 'rapporter/hamar/2011-halvaarsrapport.yaml'))).toBe(true);
      expect(await crossRuleIds(t.dir)).not.toContain('filnavn-stemmer-ikke');
    } finally {
      t.cleanup();
    }
  });

  it("writes to the repository's layout from another municipality's folder or any sub-folder, never a layout inside it", async () => {
    const t = tempTree({ '.bosoreport.yaml': '', 'rapporter/gjovik/.keep': '', 'docs/notater/.keep': '' });
    try {
      const hamar = await runMain(['init', 'aarsrapport-2012', '--kommune', 'Hamar', '--aar', '2014', '--lang', 'en'], { cwd: path.join(t.dir, 'rapporter/gjovik') });
      // The next step as it runs in a repository install, where bosoreport is not on the PATH.
      expect(hamar.stdout).toContain('run "npx bosoreport validate ');
      await runMain(['init', 'aarsrapport-2012', '--kommune', 'Lillehammer', '--aar', '2014'], { cwd: path.join(t.dir, 'docs/notater') });
      expect(existsSync(path.join(t.dir, 'rapporter/hamar/2014-aarsrapport.yaml'))).toBe(true);
      expect(existsSync(path.join(t.dir, 'rapporter/lillehammer/2014-aarsrapport.yaml'))).toBe(true);
      expect(existsSync(path.join(t.dir, 'rapporter/gjovik/rapporter'))).toBe(false);
      expect(existsSync(path.join(t.dir, 'docs/notater/rapporter'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});

describe("init's editor modeline", () => {
  it("points through the repository's node_modules/bosoreport/schemas/, so it still resolves when the repository moves", async () => {
    const t = tempTree({ 'package.json': '{"devDependencies":{"bosoreport":"*"}}' });
    // The repository as npm leaves it: bosoreport's schemas under node_modules.
    mkdirSync(path.join(t.dir, 'node_modules/bosoreport'), { recursive: true });
    cpSync(path.join(ROOT, 'schemas'), path.join(t.dir, 'node_modules/bosoreport/schemas'), { recursive: true });
    const moved = `${t.dir}-kollega`;
    try {
      const r = await runMain(['init', 'aarsrapport-2012', '--kommune', 'Gjøvik', '--aar', '2013'], { cwd: t.dir });
      expect(r.stdout).not.toContain('npm install');
      const report = path.join(t.dir, 'rapporter/gjovik/2013-aarsrapport.yaml');
      expect(modelineTarget(report)).toBe(path.join(t.dir, 'node_modules/bosoreport/schemas/aarsrapport-2012.schema.json'));
      expect(readFileSync(report, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../node_modules/bosoreport/schemas/aarsrapport-2012.schema.json');
      // A colleague's clone in another place: the same relative path finds their own copy.
      renameSync(t.dir, moved);
      const there = modelineTarget(path.join(moved, 'rapporter/gjovik/2013-aarsrapport.yaml'));
      expect(existsSync(there)).toBe(true);
      expect(there.startsWith(moved)).toBe(true);
    } finally {
      if (existsSync(moved)) renameSync(moved, t.dir);
      t.cleanup();
    }
  });

  it('says how to make it resolve when bosoreport is not yet in the repository', async () => {
    const t = tempTree({ 'package.json': '{}' });
    try {
      const r = await runMain(['init', 'aarsrapport-2012', '--kommune', 'Gjøvik', '--aar', '2013', '--lang', 'nb'], { cwd: t.dir });
      expect(r.stdout).toContain('npm install --save-dev');
      expect(modelineTarget(path.join(t.dir, 'rapporter/gjovik/2013-aarsrapport.yaml'))).toBe(path.join(t.dir, 'node_modules/bosoreport/schemas/aarsrapport-2012.schema.json'));
    } finally {
      t.cleanup();
    }
  });

  it("points at a repository form's own schema inside the repository", async () => {
    const { exampleForm } = await import('../helpers.js');
    const files = Object.fromEntries(Object.entries(exampleForm()).map(([k, v]) => [`skjemaer/statusnotat-2013/${k}`, v]));
    const t = tempTree({ 'package.json': '{}', '.bosoreport.yaml': 'skjemaer:\n  - skjemaer/statusnotat-2013\n', ...files });
    try {
      const r = await runMain(['init', 'statusnotat-2013', '--kommune', 'Gjøvik', '--aar', '2013', '-o', 'rapporter/gjovik/2013-statusnotat.yaml'], { cwd: t.dir });
      expect(r.status, r.stderr).toBe(0);
      expect(modelineTarget(path.join(t.dir, 'rapporter/gjovik/2013-statusnotat.yaml'))).toBe(path.join(t.dir, 'skjemaer/statusnotat-2013/schema.json'));
    } finally {
      t.cleanup();
    }
  });
});

describe('init --periode', () => {
  it('is refused on a form that serves one kind of report, where it would be ignored', async () => {
    const t = tempTree({});
    try {
      const r = await runMain(['init', 'aarsrapport-2012', '--kommune', 'Hamar', '--aar', '2013', '--periode', 'feil', '-o', 'ny.yaml'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('serves one kind of report only; leave out --periode feil');
      expect(existsSync(path.join(t.dir, 'ny.yaml'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });
});
