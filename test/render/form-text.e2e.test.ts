import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, LILLEHAMMER, ROOT, runCli, tempTree } from '../helpers.js';

/**
 * Every line of Husbanken's own form text, in order, in the Husbanken copy: the form folder's
 * skjematekst.txt holds the lines as the real reports print them (checked once against them).
 */
function formLines(formId: string): string[] {
  return readFileSync(path.join(ROOT, 'src/forms', formId, 'skjematekst.txt'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'));
}

/** Text compared without its layout: no whitespace, no soft hyphens; a hyphen ending a line becomes ¬ (it may be the layout's). */
const fold = (s: string) =>
  s
    .normalize('NFC')
    .replace(/\u00AD/g, '')
    .replace(/[-\u2010]\s*\n/g, '¬')
    .replace(/\s+/g, '');

/** A line of the form as a pattern over folded text: a ¬ may stand anywhere in a word (a hyphen put in to break it), or for the line's own hyphen. */
function linePattern(line: string): string {
  return [...fold(line)].map((ch) => (ch === '-' ? '[-¬]' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('¬?');
}

async function pdfText(file: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('') + '\n';
  }
  await doc.destroy();
  return text;
}

/** The lines not found in order: each is looked for after the previous one found. */
function missingInOrder(lines: string[], text: string): string[] {
  const folded = fold(text);
  const missing: string[] = [];
  let at = 0;
  for (const line of lines) {
    const pattern = new RegExp(linePattern(line), 'gu');
    pattern.lastIndex = at;
    const m = pattern.exec(folded);
    if (!m) missing.push(line);
    else at = m.index + m[0].length;
  }
  return missing;
}

describe("the Husbanken copy holds every line of the form's own text, in order", () => {
  const t = tempTree({ 'rapporter/gjovik.yaml': exampleText(GJOVIK), 'rapporter/lillehammer.yaml': exampleText(LILLEHAMMER) });
  const text: Record<string, string> = {};

  beforeAll(async () => {
    const run = runCli(['render', 'rapporter', '--pdf', '--no-html', '--copy', 'husbanken', '-d', 'ut'], { cwd: t.dir });
    expect(run.status, run.stderr).toBe(0);
    for (const name of ['gjovik', 'lillehammer']) text[name] = await pdfText(path.join(t.dir, 'ut', `${name}.husbanken.pdf`));
  }, 120_000);
  afterAll(() => t.cleanup());

  it('Gjøvik 2012, the annual form (aarsrapport-2012)', () => {
    const lines = formLines('aarsrapport-2012');
    expect(lines.length).toBeGreaterThan(60);
    expect(missingInOrder(lines, text.gjovik!)).toEqual([]);
  });

  it('Lillehammer 2011, the half-year form (aars-og-halvaarsrapport-2011)', () => {
    const lines = formLines('aars-og-halvaarsrapport-2011');
    expect(lines.length).toBeGreaterThan(40);
    expect(missingInOrder(lines, text.lillehammer!)).toEqual([]);
  });

  it('finds a line missing, or out of order', () => {
    expect(missingInOrder(['a b', 'c'], 'x a  b y c')).toEqual([]);
    expect(missingInOrder(['c', 'a b'], 'x a b y c')).toEqual(['a b']);
    expect(missingInOrder(['Rapporteringen skal:'], 'Rapporteringen skal')).toEqual(['Rapporteringen skal:']);
    // A word the layout hyphenated, and a hyphen of the form's own at a line's end, both still match.
    expect(missingInOrder(['nødvendigvis være', 'akutt- og døgn'], 'nødvendig-\nvis være i akutt-\nog døgn')).toEqual([]);
    expect(missingInOrder(['akutt- og'], 'akuttog')).toEqual(['akutt- og']);
  });
});
