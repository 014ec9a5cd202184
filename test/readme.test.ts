import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleReference, withGeneratedSections } from '../src/docs/field-reference.js';
import { FORMS, ROOT } from './helpers.js';

describe('README and docs', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('has a field reference identical to one generated from the schemas now (run `npm run docs` after changing a schema)', () => {
    expect(readme).toBe(withGeneratedSections(readme, FORMS));
  });

  it('documents every field of every form', () => {
    expect(readme).toContain('`generell_programinformasjon.programansvarlig`');
    expect(readme).toContain('`aktivitetsplan.aktiviteter[].delaktiviteter[].framdrift_prosent`');
    expect(readme).toContain('`delmaal_c.c2_kommunalt_disponerte_boliger.kommunalt_disponerte_boliger.fordeling[].antall`');
  });

  it('has a rule reference (docs/rules.md) identical to one generated from the rules now (run `npm run docs` after changing a rule)', () => {
    const rules = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    expect(rules).toBe(ruleReference(FORMS));
    expect(rules).toContain('| `negativt-resultat` | W2 | warning |');
    expect(rules).toContain('| `dobbel-rapport` | X3 | error | across reports |');
  });
});
