import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, exampleDoc, exampleText, GJOVIK, LILLEHAMMER, visibleText } from '../helpers.js';

const FJORDVIK = 'examples/fjordvik-aarsrapport-2013.yaml';

/** The report with `spraak:` set after `skjema:` (or left out). */
function withLanguage(file: string, spraak?: string): string {
  const text = exampleText(file);
  return spraak === undefined ? text : text.replace(/^skjema: (.*)$/m, `skjema: $1\nspraak: ${spraak}`);
}

function html(text: string): string {
  const r = check(text, 'nb');
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return renderHtml(r, loadTemplates());
}

/** The language an element inherits: its own lang or its nearest ancestor's, found by walking the markup. */
function languageAt(page: string, text: string): string | undefined {
  const at = page.indexOf(text);
  if (at < 0) throw new Error(`not in the page: ${text}`);
  const open: (string | undefined)[] = [];
  for (const m of page.slice(0, at).matchAll(/<(\/?)([a-z][a-z0-9]*)([^>]*)>/g)) {
    const [, closing, tag, attrs] = m;
    if (['meta', 'link', 'br', 'img', 'col', 'hr', 'input'].includes(tag!)) continue;
    if (closing) open.pop();
    else open.push(/\blang="([^"]+)"/.exec(attrs!)?.[1]);
  }
  return open.filter(Boolean).pop();
}

describe('spraak: the language the municipality answers in', () => {
  it('marks the answers nynorsk and leaves the form’s own text bokmål', () => {
    const page = html(withLanguage(GJOVIK, 'nn'));
    expect(page).toMatch(/<html lang="nb"/);
    // An answer in a text field, one in a need table's comment, and the form's own words around them.
    expect(languageAt(page, 'Tallene har særlig hovedtyngde i leieforhold')).toBe('nn');
    expect(languageAt(page, 'viser en nedgang i antall husstander')).toBe('nn');
    expect(languageAt(page, '1.1 Anskaffe og beholde bolig')).toBe('nb');
    expect(languageAt(page, 'Rapporteringen skal')).toBe('nb');
    const half = html(withLanguage(LILLEHAMMER, 'nn'));
    expect(languageAt(half, 'Status for aktivitet')).toBe('nb');
    expect(half.match(/lang="nn"/g)!.length).toBeGreaterThan(10);
  });

  it('marks the nynorsk example report’s answers nynorsk, its form text bokmål', () => {
    const page = html(exampleText(FJORDVIK));
    expect(languageAt(page, 'Talet på hushald i A, B og C gjekk ned')).toBe('nn');
    expect(languageAt(page, '1.1 Anskaffe og beholde bolig')).toBe('nb');
  });

  it('marks the C.2 breakdown and the header fields nynorsk too: they are the municipality’s words', () => {
    const page = html(exampleText(FJORDVIK));
    expect(languageAt(page, 'Omsorgsbustader')).toBe('nn');
    expect(languageAt(page, 'Kari Nes</span>')).toBe('nn');
  });

  it('writes bosoreport’s own words in a nynorsk report’s working copy in nynorsk, marked so', () => {
    const doc = exampleDoc(FJORDVIK);
    doc.setIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'a_uten_eid_eller_leid_bolig', 'status_behov_pr_0101'], null);
    doc.setIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'a_uten_eid_eller_leid_bolig', 'kommentar'], 'Talet manglar.');
    doc.deleteIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'b_fare_for_aa_miste_boligen', 'resultat']);
    const page = html(doc.toString());
    const text = visibleText(page);
    for (const words of ['Tillegg frå bosoreport', 'Stemmer med oppgitt tal (142).', '7 dagar før fristen', 'Nøkkeltal for C.1', 'ukjend', 'ikkje svara'])
      expect(text, words).toContain(words);
    for (const words of [/\bukjent\b/, /ikke besvart/, /Stemmer med oppgitt antall/, /\bdager\b/, /Tillegg fra bosoreport/]) expect(text).not.toMatch(words);
    expect(languageAt(page, 'Stemmer med oppgitt tal')).toBe('nn');
    expect(languageAt(page, 'ukjend')).toBe('nn');
    expect(page).toContain('"Arbeidskopi frå bosoreport – ikkje send denne.');
    // The Husbanken copy has none of it, in either language.
    const husbanken = visibleText(renderHtml(check(doc.toString(), 'nb'), loadTemplates(), { kopi: 'husbanken' }));
    expect(husbanken).not.toMatch(/ukjend|ikkje svara|bosoreport/);
  });

  it('is bokmål when left out or set to nb: no answer is marked', () => {
    for (const text of [withLanguage(GJOVIK), withLanguage(GJOVIK, 'nb')]) expect(html(text)).not.toContain('lang="nn"');
  });

  it('takes only nb or nn, and says so at the line', () => {
    const r = check(withLanguage(GJOVIK, 'nynorsk'), 'nb');
    const d = r.diagnostics.find((x) => x.severity === 'error');
    expect(d?.line).toBe(15);
    expect(`${d?.message} ${d?.hint ?? ''}`).toMatch(/nb.*nn/);
  });
});
