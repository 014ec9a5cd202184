import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, exampleDoc, GJOVIK, LILLEHAMMER, visibleText } from '../helpers.js';

/** One text answer per built-in form, and a line of its answer that must not be printed once it is null. */
const FORMS: { form: string; file: string; path: (string | number)[]; answer: string }[] = [
  { form: 'aarsrapport-2012', file: GJOVIK, path: ['delmaal_a', 'a3_intern_kompetanseheving'], answer: 'Det har vært lite kompetanseheving' },
  { form: 'aars-og-halvaarsrapport-2011', file: LILLEHAMMER, path: ['aktivitetsplan', 'sluttkommentar'], answer: '' },
  { form: 'sluttrapport-2015', file: 'examples/eksempelvik-sluttrapport-2014.yaml', path: ['lokale_maal'], answer: '' },
  {
    form: 'program-og-aktivitetsplan-2012',
    file: 'examples/eksempelvik-program-og-aktivitetsplan-2012.yaml',
    path: ['del1_programplan', 'fremdriftsplan'],
    answer: 'Kartlegging i 2012',
  },
  { form: 'region-sor-2011', file: 'examples/drammen-aarsrapport-2011.yaml', path: ['bakgrunn'], answer: '' },
  { form: 'fritt-2009', file: 'examples/larvik-aarsrapport-2011.yaml', path: ['kapitler', 0, 'tekst'], answer: '' },
];

/** The example with the value at `path` left unanswered: null, with `reason` as a comment on its line (or none). */
function unanswered(file: string, path: (string | number)[], reason?: string, value: unknown = null): Document {
  const doc = exampleDoc(file);
  const node = doc.createNode(value);
  if (reason) node.comment = ` ${reason}`;
  doc.setIn(path, node);
  return doc;
}

const templates = loadTemplates();
const findings = (text: string, rule: string) => check(text, 'nb').diagnostics.filter((d) => d.ruleId === rule);

describe('«not answered»: null, or an empty list, with the reason beside it', () => {
  for (const c of FORMS) {
    it(`${c.form}: a text answer can be null with a reason; the form prints it empty, the working copy «ikke besvart»`, () => {
      const original = exampleDoc(c.file).getIn(c.path) as string;
      const text = unanswered(c.file, c.path, 'Ikke besvart i kilden.').toString();
      const r = check(text, 'nb');
      expect(r.diagnostics.filter((d) => d.severity === 'error' || d.ruleId === 'ubesvart-uten-grunn')).toEqual([]);
      const first = (c.answer || original.split('\n')[0]!).slice(0, 40);
      const husbanken = visibleText(renderHtml(r, templates, { kopi: 'husbanken' }));
      const arbeid = renderHtml(r, templates, { kopi: 'arbeidskopi' });
      expect(husbanken).not.toContain(first);
      expect(husbanken).not.toMatch(/ukjent|ikke besvart/);
      expect(visibleText(arbeid)).not.toContain(first);
      expect(arbeid.match(/>ikke besvart</g)?.length ?? 0).toBeGreaterThan(
        renderHtml(check(exampleDoc(c.file).toString(), 'nb'), templates, { kopi: 'arbeidskopi' }).match(/>ikke besvart</g)?.length ?? 0,
      );
    });
  }

  it('tells the author of a missing answer to write null with the reason, not to make one up', () => {
    const doc = exampleDoc(LILLEHAMMER);
    doc.deleteIn(['aktivitetsplan', 'sluttkommentar']);
    const missing = check(doc.toString(), 'en').diagnostics.find((d) => d.ruleId === 'schema/required');
    expect(missing?.hint).toContain('"sluttkommentar: null  # the reason", not a made-up value');
  });

  it('warns at the line of an unanswered text with no reason, and says how to give one', () => {
    const text = unanswered(GJOVIK, ['delmaal_a', 'a3_intern_kompetanseheving']).toString();
    const [w] = findings(text, 'ubesvart-uten-grunn');
    expect(w?.severity).toBe('warning');
    expect(text.split('\n')[w!.line - 1]).toContain('a3_intern_kompetanseheving: null');
    expect(w?.hint).toContain('# ');
  });

  it('takes the reason from the comment lines right above, or above a run of empty fields', () => {
    const above = exampleDoc(GJOVIK);
    above.setIn(['delmaal_a', 'a3_intern_kompetanseheving'], null);
    const text = above
      .toString()
      .replace(/^(\s*)a3_intern_kompetanseheving: null$/m, '$1# Ikke besvart: siden manglet i det arkiverte dokumentet.\n$1a3_intern_kompetanseheving: null');
    expect(findings(text, 'ubesvart-uten-grunn')).toEqual([]);
    const run = text
      .replace(/^(\s*)a3_intern_kompetanseheving: null$/m, '$1a3_intern_kompetanseheving: null\n$1a4_annet_arbeid_med_kunnskap_og_kompetanse: null')
      .replace(/^\s*a4_annet_arbeid_med_kunnskap_og_kompetanse: \|[\s\S]*?(?=^\S|^ {2}\S)/m, '');
    expect(run).toMatch(/# Ikke besvart: siden.*\n\s*a3_intern_kompetanseheving: null\n\s*a4_annet_arbeid_med_kunnskap_og_kompetanse: null\n/);
    expect(check(run, 'nb').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(findings(run, 'ubesvart-uten-grunn')).toEqual([]);
    // A blank line ends the comment's reach.
    expect(findings(text.replace('arkiverte dokumentet.\n', 'arkiverte dokumentet.\n\n'), 'ubesvart-uten-grunn')).toHaveLength(1);
  });

  it("does not take init's help text above a field («Telefon: Telefonnummer; …») for a reason", () => {
    const doc = exampleDoc(GJOVIK);
    doc.setIn(['generell_programinformasjon', 'telefon'], null);
    const text = doc.toString().replace(/^(\s*)telefon: null$/m, '$1# Telefon: Telefonnummer; flere nummer kan skilles med «/».\n$1telefon: null');
    expect(findings(text, 'ubesvart-uten-grunn')).toHaveLength(1);
  });

  it('holds every form to E1: an unknown figure in the final report needs its reason too', () => {
    const row = ['hovedmaal', 'anskaffe_og_beholde_bolig', 'b_fare_for_aa_miste_boligen'];
    const file = 'examples/eksempelvik-sluttrapport-2014.yaml';
    const bare = unanswered(file, [...row, 'status_behov_pr_3112']);
    bare.deleteIn([...row, 'kommentar']);
    const [e] = findings(bare.toString(), 'ukjent-uten-forklaring');
    expect(e?.severity).toBe('error');
    const explained = unanswered(file, [...row, 'status_behov_pr_3112'], 'Ikke talt ved slutten av perioden.');
    explained.deleteIn([...row, 'kommentar']);
    expect(findings(explained.toString(), 'ukjent-uten-forklaring')).toEqual([]);
  });

  it('an empty list needs its reason too, and an activity table with no rows counts nothing as 0', () => {
    // (The example's own comment lines dropped: one stands above the table.)
    const text = unanswered(LILLEHAMMER, ['aktivitetsplan', 'aktiviteter'], undefined, [])
      .toString()
      .replace(/^\s*#.*\n/gm, '');
    const [w] = findings(text, 'ubesvart-uten-grunn');
    expect(w?.message).toContain('Lista er tom');
    const r = check(text, 'nb');
    const summary = Object.values((r.figures as { aktivitetstabeller: Record<string, { per_status: Record<string, number | null> }> }).aktivitetstabeller)[0]!;
    expect(Object.values(summary.per_status).every((n) => n === null)).toBe(true);
    expect(visibleText(renderHtml(r, templates, { kopi: 'arbeidskopi' }))).not.toMatch(/Gjennomført\s+0/);
  });
});
