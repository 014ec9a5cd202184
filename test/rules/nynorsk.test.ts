import { describe, expect, it } from 'vitest';
import { ruleCatalog } from '../../src/cross/catalog.js';
import type { Params } from '../../src/messages/index.js';
import { FORMS, GJOVIK, runMain } from '../helpers.js';

/** Bokmål words that nynorsk spells otherwise: one of them in an nn text means a sentence left in bokmål. */
const BOKMAAL_ONLY = [
  'ikke',
  'hva',
  'hvilk\\p{L}*',
  'hvordan',
  'hvor',
  'hvis',
  'noen',
  'noe',
  'bare',
  'mye',
  'også',
  'filen',
  'mappen',
  'mangler',
  'uten',
  'skrevet',
  'tegn',
  'advarsel',
  'eksempel',
  'forsinket',
  'finnes',
];
const BOKMAAL_WORD = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${BOKMAAL_ONLY.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');

/** The bokmål-only words of a text, leaving out what it quotes: form text in «…» and names in backticks stay as they are. */
function bokmaalWords(text: string): string[] {
  const own = text.replace(/«[^»]*»/g, ' ').replace(/`[^`]*`/g, ' ');
  return [...own.matchAll(BOKMAAL_WORD)].map((m) => m[0]);
}

/** Parameters that answer 'X' for any name, so every message can be built without knowing its parameters. */
const ANY: Params = new Proxy({} as Params, { get: (_target, key) => (typeof key === 'string' ? 'X' : undefined) });

describe('every rule in nynorsk', () => {
  const catalog = ruleCatalog(FORMS);

  it('lists the form rules and the checks across reports', () => {
    expect(catalog.some((e) => e.forms.length === 0)).toBe(true);
    expect(catalog.length).toBeGreaterThan(20);
  });

  it.each(catalog.map((e) => [e.rule.id, e.rule] as const))('%s: has its own nynorsk words, with no bokmål-only word', (_id, rule) => {
    const nn = rule.messages.nn;
    const nb = rule.messages.nb;
    expect(nn, 'nn block').toBeDefined();
    expect(nn.about, 'nn about is the nb about').not.toBe(nb.about);
    expect(Boolean(nn.hint), 'nn has a hint exactly when nb has one').toBe(Boolean(nb.hint));
    // The Proxy gives every parameter; {} leaves them all out, so messages that branch on a parameter show both sides.
    const texts = [nn.about, ...[ANY, {}].flatMap((p) => [nn.message(p), ...(nn.hint ? [nn.hint(p)] : [])])];
    for (const text of texts) {
      expect(text.length, 'empty text').toBeGreaterThan(0);
      expect(bokmaalWords(text), text).toEqual([]);
    }
  });

  it('finds the bokmål in a bokmål text, outside quotes only', () => {
    expect(bokmaalWords('Feltet er ikke fylt ut.')).toEqual(['ikke']);
    expect(bokmaalWords('Filen mangler OGSÅ noe.')).toEqual(['Filen', 'mangler', 'OGSÅ', 'noe']);
    expect(bokmaalWords('status «ikke startet» og `uten`: ikkje, noko, berre, eksempelvis')).toEqual([]);
  });
});

describe('validate --lang nn', () => {
  it('prints the rule findings in nynorsk', async () => {
    const r = await runMain(['validate', '--lang', 'nn', GJOVIK]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Datoen på framsida (15. januar 2013) er ikkje rapporteringsdatoen (18. februar 2013).');
    expect(r.stdout).toContain('Malen hadde ein dato ferdig utfylt på framsida');
    expect(r.stdout).toContain('Oppgitt tal for «antall husstander som har fått egnet bolig» er negativt (−1).');
    expect(r.stdout).not.toContain('Datoen på forsiden');
  });
});
