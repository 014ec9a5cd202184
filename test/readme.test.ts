import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliHelpSections } from '../src/docs/cli-reference.js';
import { fieldReference, formTable, ruleReference, summaryFieldList, withSections } from '../src/docs/field-reference.js';
import { FORMS, ROOT } from './helpers.js';

const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');

describe('README', () => {
  const readme = read('README.md');

  it('is short enough to read in five minutes: at most 12 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThanOrEqual(12 * 1024);
  });

  it('starts with the two set-up commands, the second the test command CI runs', () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(
      first
        .split('\n')
        .filter(Boolean)
        .map((l) => l.replace(/\s+#.*$/, '')),
    ).toEqual(['npm ci && npm run examples', 'npm test']);
    expect(readme.indexOf(first)).toBeLessThan(readme.indexOf('## Programme leader'));
    expect(read('.ci/run')).toMatch(/^npm test$/m);
  });

  it('shows a real example of each step of the walk: init, preview, fix, validate, compute, render --pdf', () => {
    for (const command of [
      'bosoreport init ',
      'bosoreport preview ',
      'bosoreport fix ',
      'bosoreport validate ',
      'bosoreport compute ',
      'bosoreport render ',
      '-o gjovik-2013.pdf',
      '--copy husbanken',
    ])
      expect(readme).toContain(command);
  });

  it('links only to files in the repository', () => {
    for (const doc of ['README.md', ...['cli', 'ci', 'forms', 'fields', 'rules', 'performance', 'robustness', 'summary'].map((d) => `docs/${d}.md`)]) {
      const links = [...read(doc).matchAll(/\]\(([^)#]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!);
      for (const link of links) {
        expect(link, `${doc}: ${link}`).not.toMatch(/^https?:|^\//);
        expect(existsSync(path.resolve(ROOT, path.dirname(doc), link)), `${doc}: ${link}`).toBe(true);
      }
    }
  });

  it('gives a .vscode/settings.json whose schemas exist once bosoreport is installed', () => {
    const settings = JSON.parse(/```json\n([\s\S]*?)```/.exec(readme)![1]!);
    for (const schema of Object.keys(settings['yaml.schemas'])) {
      expect(existsSync(path.join(ROOT, schema.replace('./node_modules/bosoreport/', ''))), schema).toBe(true);
    }
  });
});

describe('generated reference in docs/ (run `npm run docs` after a change)', () => {
  it('docs/forms.md has the form table generated from the forms now', () => {
    const doc = read('docs/forms.md');
    expect(doc).toBe(withSections(doc, { 'form-table': formTable(FORMS) }));
    expect(doc).toMatch(/\| `region-sor-2011` \| .* \| 2010–2014 \| provisional \|/);
  });

  it("docs/cli.md shows each command's --help exactly as the program prints it", async () => {
    const doc = read('docs/cli.md');
    expect(doc).toBe(withSections(doc, await cliHelpSections(doc)));
    expect(doc).toContain('--no-notes');
  });

  it("docs/summary.md lists every field of the summary's CSV, generated from its catalogue", () => {
    const doc = read('docs/summary.md');
    expect(doc).toBe(withSections(doc, { 'summary-fields': summaryFieldList() }));
    expect(doc).toContain('| `c2.tildelingsrate` | c2 | Tildelingsrate | share, 0–1 |');
  });

  it('docs/fields.md has every field of every form, generated from the schemas', () => {
    const fields = read('docs/fields.md');
    expect(fields).toBe(fieldReference(FORMS));
    expect(fields).toContain('`generell_programinformasjon.programansvarlig`');
    expect(fields).toContain('`aktivitetsplan.aktiviteter[].delaktiviteter[].framdrift_prosent`');
    expect(fields).toContain('`delmaal_c.c2_kommunalt_disponerte_boliger.kommunalt_disponerte_boliger.fordeling[].antall`');
    expect(fields).toContain('`formalia.behandlet_i_styringsgruppen`');
  });

  it('docs/rules.md lists the rules generated from the rules now', () => {
    const rules = read('docs/rules.md');
    expect(rules).toBe(ruleReference(FORMS));
    expect(rules).toContain('| `negativt-resultat` | W2 | warning |');
    expect(rules).toContain('| `dobbel-rapport` | X3 | error | across reports |');
  });
});
