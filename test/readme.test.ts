import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fieldReference, ruleReference, withGeneratedSections } from '../src/docs/field-reference.js';
import { FORMS, ROOT } from './helpers.js';

describe('README and docs', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('has a form table identical to one generated from the forms now (run `npm run docs` after changing a form)', () => {
    expect(readme).toBe(withGeneratedSections(readme, FORMS));
    expect(readme).toMatch(/\| `region-sor-2011` \| .* \| 2010–2014 \| provisional \|/);
  });

  it('has a field reference (docs/fields.md) identical to one generated from the schemas, with every field of every form', () => {
    const fields = readFileSync(path.join(ROOT, 'docs/fields.md'), 'utf8');
    expect(fields).toBe(fieldReference(FORMS));
    expect(fields).toContain('`generell_programinformasjon.programansvarlig`');
    expect(fields).toContain('`aktivitetsplan.aktiviteter[].delaktiviteter[].framdrift_prosent`');
    expect(fields).toContain('`delmaal_c.c2_kommunalt_disponerte_boliger.kommunalt_disponerte_boliger.fordeling[].antall`');
    expect(fields).toContain('`formalia.behandlet_i_styringsgruppen`');
  });

  it('has a rule reference (docs/rules.md) identical to one generated from the rules now (run `npm run docs` after changing a rule)', () => {
    const rules = readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
    expect(rules).toBe(ruleReference(FORMS));
    expect(rules).toContain('| `negativt-resultat` | W2 | warning |');
    expect(rules).toContain('| `dobbel-rapport` | X3 | error | across reports |');
  });
});
