import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compareImport } from '../../src/import/compare.js';
import { identifyText, importableForms, importText } from '../../src/import/index.js';
import { pagesOfText } from '../../src/import/source.js';
import { FORMS, ROOT } from '../helpers.js';

const forms = importableForms(FORMS.forms);
const importFixture = (name: string) => {
  const text = pagesOfText(readFileSync(path.join(ROOT, 'test/fixtures/import', `${name}.txt`), 'utf8'));
  const identified = identifyText(text, forms);
  return { identified, result: importText(text, identified.chosen!), expected: parse(readFileSync(path.join(ROOT, 'examples', `${name}.yaml`), 'utf8')) };
};

describe('importing the two real reports, held against the same reports typed by hand', () => {
  it('Gjøvik 2012: the annual form, no figure or date that differs from the hand-made report, most values recovered', () => {
    const { identified, result, expected } = importFixture('gjovik-aarsrapport-2012');
    expect(identified.chosen?.form.id).toBe('aarsrapport-2012');
    const cmp = compareImport(expected, result.values);
    expect(cmp.values.filter((v) => v.verdict === 'wrong')).toEqual([]);
    // A floor under what this version recovers (85 % when written), so a change that loses values is seen.
    expect((cmp.counts.exact + cmp.counts['same-words']) / cmp.values.length).toBeGreaterThanOrEqual(0.8);
    // The need table, read from «7 8-1 … 4 11-7 … 23 30-7» with B's figures after C's label.
    const need = (row: string) =>
      result.values.filter((v) => v.path.join('.').startsWith(`hovedmaal.anskaffe_og_beholde_bolig.${row}.`) && typeof v.value === 'number').map((v) => v.value);
    expect(need('a_uten_eid_eller_leid_bolig')).toEqual([7, 8, -1]);
    expect(need('b_fare_for_aa_miste_boligen')).toEqual([4, 11, -7]);
    expect(need('c_uegnet_bolig')).toEqual([23, 30, -7]);
    // «X)» in place of a figure stays unknown, with its footnote as the comment.
    const overgang = result.values.filter((v) => v.path.includes('overgang_fra_kommunal_til_eid_bolig'));
    expect(overgang.map((v) => v.value)).toEqual([null, expect.stringMatching(/^x\) Dette er allerede rapportert/)]);
  });

  it('Lillehammer 2011: the half-year use of the 2011 form, its header and texts, and the activity table left open, not guessed', () => {
    const { identified, result, expected } = importFixture('lillehammer-halvaarsrapport-2011');
    expect(identified.chosen?.form.id).toBe('aars-og-halvaarsrapport-2011');
    expect(result.variant).toBe('forste_halvaar');
    const cmp = compareImport(expected, result.values);
    expect(cmp.values.filter((v) => v.verdict === 'wrong')).toEqual([]);
    expect(cmp.values.filter((v) => v.path.startsWith('generell_programinformasjon.')).every((v) => v.verdict === 'exact' || v.verdict === 'same-words')).toBe(true);
    expect(result.open.map((o) => o.path.join('.'))).toContain('aktivitetsplan.aktiviteter');
  });

  it('says where every value came from: a page and the text that stood there', () => {
    for (const name of ['gjovik-aarsrapport-2012', 'lillehammer-halvaarsrapport-2011']) {
      const { result } = importFixture(name);
      for (const v of result.values.filter((x) => x.path[0] !== 'periode')) expect(v.note, v.path.join('.')).toMatch(/^side \d+: «.+»/);
    }
  });
});
