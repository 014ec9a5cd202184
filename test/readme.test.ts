import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withGeneratedSections } from '../src/docs/field-reference.js';
import { ROOT } from './helpers.js';

describe('README', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

  it('has a field reference identical to one generated from the schemas now (run `npm run docs` after changing a schema)', () => {
    expect(readme).toBe(withGeneratedSections(readme));
  });

  it('documents every field of every form', () => {
    expect(readme).toContain('`generell_programinformasjon.programansvarlig`');
    expect(readme).toContain('`aktivitetsplan.aktiviteter[].delaktiviteter[].framdrift_prosent`');
    expect(readme).toContain('`delmaal_c.c2_kommunalt_disponerte_boliger.kommunalt_disponerte_boliger.fordeling[].antall`');
  });
});
