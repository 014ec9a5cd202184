import { describe, expect, it } from 'vitest';
import { check, exampleText, GJOVIK, LILLEHAMMER, lineOf } from '../helpers.js';

/** The common mistakes a newcomer makes, each with the one hint that fixes it. */
const gjovik = exampleText(GJOVIK);
const lillehammer = exampleText(LILLEHAMMER);

describe('hints for numbers typed the Norwegian way', () => {
  it('«80 %» in a percent field: write the number without %', () => {
    const text = lillehammer.replace('framdrift_prosent: 80\n', 'framdrift_prosent: 80 %\n');
    const [d, ...rest] = check(text, 'nb').diagnostics.filter((x) => x.severity === 'error');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'schema/type', line: lineOf(text, 'framdrift_prosent: 80 %') });
    expect(d!.message).toContain('fant teksten «80 %»');
    expect(d!.hint).toBe('Skriv prosenten som et tall, uten %: 80.');
    expect(d!.hint).not.toContain('null');
  });

  it('«12,5» in a whole-number field: the field takes whole numbers, not «unknown? write null»', () => {
    const text = lillehammer.replace('framdrift_prosent: 80\n', 'framdrift_prosent: 12,5\n');
    const [d] = check(text, 'nb').diagnostics.filter((x) => x.severity === 'error');
    expect(d!.hint).toContain('Feltet tar bare hele tall, og 12,5 har desimaler');
    expect(d!.hint).not.toContain('null');
  });

  it('«1.390» is quoted as typed, not as the 1.39 YAML reads, with the number to write', () => {
    const text = gjovik.replace('januar: 1390', 'januar: 1.390');
    for (const [lang, found, hint] of [
      ['nb', 'fant tallet 1.390', 'Skriv tallet uten punktum mellom tusenene: 1390 (1.390 leses som desimaltallet 1,39).'],
      ['en', 'found the number 1.390', 'Write the number without a point between the thousands: 1390 (1.390 is read as the decimal number 1.39).'],
    ] as const) {
      const [d, ...rest] = check(text, lang).diagnostics.filter((x) => x.severity === 'error');
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ line: lineOf(text, 'januar: 1.390'), col: 15 });
      expect(d!.message).toContain(found);
      expect(d!.message).not.toContain('1.39.');
      expect(d!.hint).toBe(hint);
    }
  });
});

describe('«%» in a count is read against the whole the count is part of', () => {
  const errors = (text: string, lang: 'nb' | 'nn' | 'en') => check(text, lang).diagnostics.filter((x) => x.severity === 'error');

  it('«80 %» in «herav med fastrente» says what 80 % of the fully financed purchases is, in each language', () => {
    const text = gjovik.replace('herav_med_fastrente: 33', 'herav_med_fastrente: 80 %');
    for (const [lang, hint] of [
      ['nb', 'Her skal det stå et antall, ikke en prosent: 80 % av 50 (Antall fullfinansierte boligkjøp med startlån) er 40.'],
      ['nn', 'Her skal det stå eit antal, ikkje ein prosent: 80 % av 50 (Antall fullfinansierte boligkjøp med startlån) er 40.'],
      ['en', 'This field wants a count, not a percentage: 80 % of 50 (Antall fullfinansierte boligkjøp med startlån) is 40.'],
    ] as const) {
      const [d, ...rest] = errors(text, lang);
      expect(rest).toEqual([]);
      expect(d).toMatchObject({ ruleId: 'schema/type', line: lineOf(text, 'herav_med_fastrente: 80 %') });
      expect(d!.hint).toBe(hint);
    }
  });

  it('rounds to the nearest whole household, a half up (25 % of 50 is 13), and reads a decimal comma', () => {
    expect(errors(gjovik.replace('herav_med_fastrente: 33', 'herav_med_fastrente: 25 %'), 'nb')[0]!.hint).toContain(
      '25 % av 50 (Antall fullfinansierte boligkjøp med startlån) er 13.',
    );
    expect(errors(gjovik.replace('herav_med_fastrente: 33', 'herav_med_fastrente: 12,5 %'), 'nb')[0]!.hint).toContain(
      '12,5 % av 50 (Antall fullfinansierte boligkjøp med startlån) er 6.',
    );
  });

  it('a part of a breakdown is read against the row it breaks down (48 % of 930 is 446)', () => {
    const text = gjovik.replace('antall: 450', 'antall: 48 %');
    expect(errors(text, 'nb')[0]!.hint).toBe('Her skal det stå et antall, ikke en prosent: 48 % av 930 (Resultat i løpet av året) er 446.');
  });

  it('a count with no known whole (a need row) says a count is asked for; so does one whose whole is unknown', () => {
    const need = gjovik.replace('status_behov_pr_3112: 8\n', 'status_behov_pr_3112: 80 %\n');
    const [d] = errors(need, 'nb');
    expect(d).toMatchObject({ line: lineOf(need, 'status_behov_pr_3112: 80 %') });
    expect(d!.hint).toBe('Her skal det stå et antall, ikke en prosent: skriv hvor mange det gjelder.');
    const noWhole = gjovik
      .replace('fullfinansierte_boligkjop_med_startlaan: 50', 'fullfinansierte_boligkjop_med_startlaan: null')
      .replace('herav_med_fastrente: 33', 'herav_med_fastrente: 80 %');
    expect(errors(noWhole, 'en').find((x) => x.line === lineOf(noWhole, 'herav_med_fastrente'))!.hint).toBe(
      'This field wants a count, not a percentage: write how many it concerns.',
    );
  });
});

describe('a number typed in a text field', () => {
  it('the hint quotes it exactly as typed («0502» keeps its zero, «1.50» its last digit)', () => {
    const text = lillehammer.replace('kolonner: [Strategi, "Dette oppnås ved å:", Resultatindikator 2015]', 'kolonner: [Strategi, 0502, 1.50]');
    const hints = check(text, 'nb')
      .diagnostics.filter((x) => x.severity === 'error')
      .map((x) => x.hint);
    expect(hints).toEqual([
      'Sett tallet i anførselstegn slik det er skrevet, så leses det som tekst: "0502".',
      'Sett tallet i anførselstegn slik det er skrevet, så leses det som tekst: "1.50".',
    ]);
  });
});

describe('one YAML mistake, one message', () => {
  it('a tab gives the tab error only, not a dozen follow-on errors in English', () => {
    const lines = gjovik.split('\n');
    const at = lineOf(gjovik, '  programnavn:');
    lines[at - 1] = lines[at - 1]!.replace(/^ {2}/, '\t');
    const diagnostics = check(lines.join('\n'), 'nb').diagnostics;
    expect(diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['yaml/tab', at]]);
    expect(diagnostics[0]!.message).toBe('Tabulator brukt som innrykk; YAML tillater bare mellomrom.');
  });

  it("says the common syntax mistakes in the user's language", () => {
    const cases: [string, string][] = [
      ['skjema: aarsrapport-2012\na:\n  b: 1\n  c 2\n  d: 3\n', 'Feltnavnet mangler kolon'],
      ['skjema: aarsrapport-2012\na: "abc\nb: 1\n', 'Et anførselstegn åpnes, men lukkes aldri.'],
      ['skjema: aarsrapport-2012\na:\n  b: 1\n   c: 2\n', 'To «navn: verdi» på samme linje'],
      ['skjema: aarsrapport-2012\na: @x\n', 'sett hele verdien i anførselstegn'],
    ];
    for (const [text, words] of cases) {
      const diagnostics = check(text, 'nb').diagnostics;
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]!.message).toContain(words);
      expect(diagnostics[0]!.message).not.toMatch(/[A-Z][a-z]+ (keys|values|mappings)/);
    }
  });

  it('still lists every duplicate key, since each is its own mistake', () => {
    const text = 'skjema: aarsrapport-2012\na: 1\na: 2\nb: 1\nb: 2\n';
    expect(check(text).diagnostics.map((d) => d.ruleId)).toEqual(['yaml/duplicate-key', 'yaml/duplicate-key']);
  });
});

describe('the form a report names', () => {
  it('the half-year form named on an annual report: «looks like aarsrapport-2012», no cascade', () => {
    const text = gjovik.replace('skjema: aarsrapport-2012', 'skjema: halvaarsrapport-2011');
    const diagnostics = check(text, 'nb').diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'form/looks-like', line: lineOf(text, 'skjema:'), severity: 'error' });
    expect(diagnostics[0]!.message).toContain('Rapporten ser ut som skjemaet «aarsrapport-2012»');
    expect(diagnostics[0]!.hint).toContain('Skriv «skjema: aarsrapport-2012»');
  });

  it('the annual form named on a half-year report: the same the other way', () => {
    const text = lillehammer.replace(/^skjema: .*$/m, 'skjema: aarsrapport-2012');
    const [d, ...rest] = check(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d!.message).toContain('looks like the form "aars-og-halvaarsrapport-2011"');
  });

  it("an unknown form no longer hides the file's other problems when its sections tell the form", () => {
    const text = gjovik.replace('skjema: aarsrapport-2012', 'skjema: aarsrapport-2013').replace('januar: 1390', 'januar: 1.390');
    const r = check(text);
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['form/unknown', 'schema/type']);
    expect(r.diagnostics[0]!.hint).toContain('The rest of the file was checked against "aarsrapport-2012"');
    expect(r.diagnostics[1]!.line).toBe(lineOf(text, 'januar: 1.390'));
    // Still an error to fix, and nothing is rendered from it.
    expect(r.schemaValid).toBe(false);
    expect(r.form).toBeUndefined();
  });

  it('an unknown form on a file whose sections fit no form says only that', () => {
    const r = check('skjema: foo\nnoe_annet: 1\n');
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['form/unknown']);
    expect(r.diagnostics[0]!.hint).not.toContain('checked against');
  });
});
