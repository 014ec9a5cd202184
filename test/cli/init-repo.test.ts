import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain, tempTree } from '../helpers.js';

const settingsOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, '.vscode/settings.json'), 'utf8'));
const SCHEMA = './node_modules/bosoreport/schemas/rapport.schema.json';

describe('init --repo', () => {
  it("writes .vscode/settings.json at the repository's root from any sub-folder, mapping the reports folder to the schema that follows `skjema:`", async () => {
    const t = tempTree({ 'package.json': '{}', 'rapporter/gjovik/.keep': '' });
    try {
      const r = await runMain(['init', '--repo', '--lang', 'nb'], { cwd: path.join(t.dir, 'rapporter/gjovik') });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^skrev .*\.vscode\/settings\.json: .* under rapporter\//);
      expect(settingsOf(t.dir)).toEqual({ 'yaml.schemas': { [SCHEMA]: ['rapporter/**/*.yaml', 'rapporter/**/*.yml'] } });
      // bosoreport is not installed in this repository yet: the next step is said.
      expect(r.stdout).toContain('npm install --save-dev');
    } finally {
      t.cleanup();
    }
  });

  it("keeps every other setting, and replaces bosoreport's own older per-form entries (two schemas on one report would both apply)", async () => {
    const before = {
      'editor.tabSize': 4,
      'yaml.schemas': { './node_modules/bosoreport/schemas/aarsrapport-2012.schema.json': 'rapporter/**/201[2-4]-aarsrapport.yaml', 'ci.schema.json': '.github/*.yml' },
      'files.eol': '\n',
    };
    const t = tempTree({ '.git/HEAD': '', 'reports/.keep': '', '.vscode/settings.json': JSON.stringify(before, null, 4) });
    try {
      expect((await runMain(['init', '--repo'], { cwd: t.dir })).status).toBe(0);
      const after = settingsOf(t.dir);
      expect(Object.keys(after)).toEqual(['editor.tabSize', 'yaml.schemas', 'files.eol']);
      expect(after['yaml.schemas']).toEqual({ 'ci.schema.json': '.github/*.yml', [SCHEMA]: ['reports/**/*.yaml', 'reports/**/*.yml'] });
      // The file's own indentation stays.
      expect(readFileSync(path.join(t.dir, '.vscode/settings.json'), 'utf8')).toContain('\n    "editor.tabSize": 4');
      // Running it again changes nothing.
      const once = readFileSync(path.join(t.dir, '.vscode/settings.json'), 'utf8');
      await runMain(['init', '--repo'], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, '.vscode/settings.json'), 'utf8')).toBe(once);
    } finally {
      t.cleanup();
    }
  });

  it('leaves a settings file it cannot read as JSON as it was, says why, and prints the lines to add (exit 2)', async () => {
    const withComments = '{\n  // tabs\n  "editor.tabSize": 4,\n}\n';
    const t = tempTree({ 'package.json': '{}', '.vscode/settings.json': withComments });
    try {
      const r = await runMain(['init', '--repo', '--lang', 'nb'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(readFileSync(path.join(t.dir, '.vscode/settings.json'), 'utf8')).toBe(withComments);
      expect(r.stderr).toMatch(/^bosoreport: \.vscode\/settings\.json er ikke ren JSON .* Legg til dette selv:\n\{\n {2}"yaml\.schemas": \{\n/);
      expect(JSON.parse(r.stderr.slice(r.stderr.indexOf('\n') + 1))).toEqual({ 'yaml.schemas': { [SCHEMA]: ['rapporter/**/*.yaml', 'rapporter/**/*.yml'] } });
    } finally {
      t.cleanup();
    }
  });

  it("with a form, also writes the report; without --repo, a missing form is a usage error in the user's language", async () => {
    const t = tempTree({ 'package.json': '{}' });
    try {
      const both = await runMain(['init', '--repo', 'aarsrapport-2012', '--kommune', 'Hamar', '--aar', '2013'], { cwd: t.dir });
      expect(both.status, both.stderr).toBe(0);
      expect(existsSync(path.join(t.dir, '.vscode/settings.json'))).toBe(true);
      expect(existsSync(path.join(t.dir, 'rapporter/hamar/2013-aarsrapport.yaml'))).toBe(true);
      const none = await runMain(['init', '--lang', 'nb'], { cwd: t.dir });
      expect(none.status).toBe(2);
      expect(none.stderr).toMatch(/^bosoreport: Si hvilket skjema rapporten skal følge/);
    } finally {
      t.cleanup();
    }
  });
});
