import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import type { Kopi } from '../../src/render/view.js';
import { check, exampleDoc, exampleText, lineOf, LILLEHAMMER, runMain, tempTree, visibleText } from '../helpers.js';

const PLAN = 'examples/eksempelvik-program-og-aktivitetsplan-2012.yaml';
const templates = loadTemplates();

/** The example plan with one value changed; `reason` becomes the comment on its line. */
function changed(path: (string | number)[], value: unknown, reason?: string): string {
  const doc = exampleDoc(PLAN);
  const node = doc.createNode(value);
  if (reason) node.comment = ` ${reason}`;
  doc.setIn(path, node);
  return doc.toString();
}

const seen = (text: string, kopi: Kopi) => visibleText(renderHtml(check(text, 'nb', PLAN), templates, { kopi }));
const found = (text: string, rule: string) => check(text, 'nb', PLAN).diagnostics.filter((d) => d.ruleId === rule);
const figures = (text: string) => check(text, 'nb', PLAN).figures as Record<string, any>;

describe('the plan form: what real plans hold beyond a flat activity list', () => {
  const plan = exampleText(PLAN);
  const husbanken = seen(plan, 'husbanken');
  const arbeid = seen(plan, 'arbeidskopi');

  it('the example validates without errors or warnings', () => {
    expect(check(plan, 'nb', PLAN).diagnostics).toEqual([]);
  });

  it('shows each activity goal as a heading with its own activities, in both copies', () => {
    for (const text of [husbanken, arbeid]) {
      const at = ['Aktivitetsmål A', 'skaffe seg en egnet bolig', 'A1 Kartlegge boligbehov', 'A2 Veiledning om startlån', 'Aktivitetsmål B', 'B1 Oppfølging i bolig'].map((s) =>
        text.indexOf(s),
      );
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      // With goals, no flat list of its own: its title is not printed.
      expect(text).not.toContain('Aktivitetsliste');
    }
  });

  it('a plan with the activities in one flat list and a one-year budget still validates and renders as before', () => {
    const doc: Document = exampleDoc(PLAN);
    const goals = doc.getIn(['del2_aktivitetsplan', 'aktivitetsmaal']) as { toJSON(): { aktiviteter: unknown[] }[] };
    doc.setIn(['del2_aktivitetsplan', 'aktiviteter'], doc.createNode(goals.toJSON().flatMap((g) => g.aktiviteter)));
    const unknown = doc.createNode(null);
    unknown.comment = ' Ikke avklart da planen ble vedtatt.';
    doc.setIn(['del2_aktivitetsplan', 'aktiviteter', 2, 'budsjett'], unknown);
    doc.deleteIn(['del2_aktivitetsplan', 'aktivitetsmaal']);
    doc.deleteIn(['del2_aktivitetsplan', 'finansieringsplan']);
    doc.setIn(
      ['del2_aktivitetsplan', 'budsjett'],
      doc.createNode([
        { kilde: 'kommune', belop: 130000 },
        { kilde: 'husbanken_tilskudd', belop: 100000 },
      ]),
    );
    const text = doc.toString();
    const r = check(text, 'nb', PLAN);
    expect(r.diagnostics).toEqual([]);
    expect(r.figures).toMatchObject({ antall_aktiviteter: 3, finansiering: { kommune: 130000, husbanken_tilskudd: 100000, annet: 0, sum: 230000 }, finansieringsplan: null });
    expect(seen(text, 'husbanken')).toMatch(/Aktivitetsliste Id Aktivitet .* A1 Kartlegge boligbehov .* B1 Oppfølging i bolig/);
  });

  it('an activity id is unique across the whole plan: a second one is an error at its line', () => {
    const text = changed(['del2_aktivitetsplan', 'aktivitetsmaal', 1, 'aktiviteter', 0, 'id'], 'A2');
    const [e] = found(text, 'plan-aktivitet-id-dobbel');
    expect(e).toMatchObject({
      severity: 'error',
      message: 'Aktivitets-id-en «A2» er brukt før i planen (under aktivitetsmål A).',
      line: lineOf(text, 'id: A2', lineOf(text, '- id: B')),
    });
    expect(found(changed(['del2_aktivitetsplan', 'aktivitetsmaal', 1, 'id'], 'A'), 'plan-maal-id-dobbel')).toHaveLength(1);
    expect(found(plan, 'plan-aktivitet-id-dobbel')).toEqual([]);
  });

  it('shows the risk analysis as a table, as the plan writes likelihood and consequence, in both copies', () => {
    for (const text of [husbanken, arbeid]) {
      expect(text).toContain('Risikoanalyse Risiko Sannsynlighet Konsekvens Tiltak');
      expect(text).toContain('Kartleggingen får for få svar fra tjenestene. middels høy Programleder følger opp hver tjeneste');
    }
    const scale = changed(['del1_programplan', 'risikoanalyse', 0, 'sannsynlighet'], 4);
    expect(check(scale, 'nb', PLAN).diagnostics).toEqual([]);
    expect(seen(scale, 'husbanken')).toContain('tjenestene. 4 høy');
    // A scale of 1–5: 6 is not on it.
    expect(check(changed(['del1_programplan', 'risikoanalyse', 0, 'sannsynlighet'], 6), 'nb', PLAN).schemaValid).toBe(false);
  });

  it('adds up the financing plan per year, per source and in all, in the working copy only', () => {
    expect(figures(plan)).toMatchObject({
      finansiering: { kommune: 190000, husbanken_tilskudd: 150000, annet: 0, sum: 340000 },
      finansieringsplan: [
        { aar: 2012, kommune: 130000, husbanken_tilskudd: 100000, sum: 230000 },
        { aar: 2013, kommune: 60000, husbanken_tilskudd: 50000, sum: 110000 },
      ],
    });
    // The plan's own table, with its typed SUM column, is in both copies.
    for (const text of [husbanken, arbeid])
      expect(text).toContain('Årlig budsjett og finansieringsplan År Kommunen (kr) Husbanken, tilskudd (kr) Sum (kr) Kommentar 2012 130 000 100 000 230 000');
    expect(arbeid).toContain('Sum alle år 190 000 150 000 340 000');
    expect(husbanken).not.toContain('Sum alle år');
    expect(husbanken).not.toContain('340 000');
  });

  it('warns at the line of a typed SUM that disagrees with its amounts', () => {
    const text = changed(['del2_aktivitetsplan', 'finansieringsplan', 1, 'sum'], 120000);
    const [w] = found(text, 'finansiering-sum-avviker');
    expect(w).toMatchObject({ severity: 'warning', line: lineOf(text, 'sum: 120000') });
    expect(w!.message.replace(/\u00a0/g, ' ')).toBe('Summen for 2013 i finansieringsplanen er oppgitt til 120 000 kr, men beløpene gir 110 000 kr.');
    expect(found(plan, 'finansiering-sum-avviker')).toEqual([]);
  });

  it('keeps a sum with an unknown amount unknown, and does not hold the typed SUM against it', () => {
    const text = changed(['del2_aktivitetsplan', 'finansieringsplan', 0, 'kommune'], null, 'Ikke vedtatt da planen ble skrevet.');
    const r = check(text, 'nb', PLAN);
    expect(r.diagnostics).toEqual([]);
    expect(r.figures).toMatchObject({
      finansiering: { kommune: null, husbanken_tilskudd: 150000, sum: null },
      finansieringsplan: [{ aar: 2012, kommune: null, sum: null }, { sum: 110000 }],
    });
    expect(seen(text, 'arbeidskopi')).toContain('Sum alle år ukjent 150 000 ukjent');
  });

  it('shows the plan period on the cover and in the programme information; an end before the start is an error', () => {
    for (const text of [husbanken, arbeid]) {
      expect(text).toContain('Eksempelvik kommune Planperiode 2012 – mai 2013');
      expect(text).toContain('Planperiode 2012 – mai 2013 Dato for planen');
    }
    const text = changed(['generell_programinformasjon', 'planperiode', 'til'], '2011-12');
    const [e] = found(text, 'planperiode-slutt-for-start');
    expect(e).toMatchObject({ severity: 'error', line: lineOf(text, 'til: 2011-12'), message: 'Planperioden slutter (desember 2011) før den begynner (2012).' });
    // A month ends on its last day: «til» in the month «fra» starts in is no error.
    const doc = exampleDoc(PLAN);
    doc.setIn(['generell_programinformasjon', 'planperiode', 'fra'], '2012-05-20');
    doc.setIn(['generell_programinformasjon', 'planperiode', 'til'], '2012-05');
    expect(found(doc.toString(), 'planperiode-slutt-for-start')).toEqual([]);
  });
});

describe('a report names a plan activity under its goal', () => {
  /** Lillehammer's half-year report for 2011 beside the example plan made Lillehammer's for 2011. */
  async function crossFindings(halfYear: string) {
    const plan = exampleText(PLAN)
      .replace('kommune: Eksempelvik', 'kommune: Lillehammer')
      .replace('rapporteringsaar: 2012', 'rapporteringsaar: 2011')
      .replace('fra: "2012"', 'fra: "2011"')
      .replace(/rapporteringsdato: 2012-01-20\n {2}behandlet_i_styringsgruppen: 2012-02-02/, 'rapporteringsdato: 2011-01-20');
    const t = tempTree({ 'lillehammer/2011-halvaarsrapport.yaml': halfYear, 'lillehammer/2011-program-og-aktivitetsplan.yaml': plan });
    try {
      const r = await runMain(['validate', '.', '-f', 'json'], { cwd: t.dir });
      const files = JSON.parse(r.stdout).filer as { fil: string; diagnostikk: { ruleId: string; message: string; line: number }[] }[];
      return files.find((f) => f.fil.endsWith('halvaarsrapport.yaml'))!.diagnostikk.filter((d) => d.ruleId === 'aktivitet-ikke-i-plan');
    } finally {
      t.cleanup();
    }
  }
  const halfYear = exampleText(LILLEHAMMER);
  /** Activity 3 of the report given a plan id and a goal. */
  const naming = (id: string, goal: string) => halfYear.replace(/(\n {4}- nr: 3\n {6}tittel: [^\n]*\n)/, `$1      plan_id: ${id}\n      plan_maal: ${goal}\n`);

  it('is found when it is under the goal the report names', async () => {
    const text = naming('B1', 'B');
    expect(text).toContain('plan_maal: B');
    expect((await crossFindings(text)).filter((d) => d.message.startsWith('Activity 3 '))).toEqual([]);
  });

  it('is warned of at the goal when the plan has it under another goal', async () => {
    const text = naming('B1', 'A');
    const [w] = (await crossFindings(text)).filter((d) => d.message.startsWith('Activity 3 '));
    expect(w!.message).toMatch(/^Activity 3 ".*" is not under activity goal A in the activity plan for 2011 \(lillehammer\/2011-program-og-aktivitetsplan\.yaml\)\.$/);
    expect(w!.line).toBe(lineOf(text, 'plan_maal: A'));
  });

  it('is warned of at its id when the plan does not have the id at all', async () => {
    const text = naming('C9', 'B');
    const [w] = (await crossFindings(text)).filter((d) => d.message.startsWith('Activity 3 '));
    expect(w!.line).toBe(lineOf(text, 'plan_id: C9'));
  });
});
