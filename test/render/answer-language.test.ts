import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, exampleText, GJOVIK, LILLEHAMMER } from '../helpers.js';

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
