import { describe, expect, it } from 'vitest';
import { en } from '../src/messages/en.js';
import { langFromEnv, parseLang, t, type Params } from '../src/messages/index.js';
import { nb } from '../src/messages/nb.js';
import { nn } from '../src/messages/nn.js';

/**
 * Words that are bokmål and never nynorsk. Each is matched as a whole word, so «ukjent» (nynorsk
 * too, for a neuter noun) and «eller» are not here.
 */
const BOKMAL_ONLY = new Set(
  [
    'ikke hva hvilke hvilken hvilket hvordan hvor hvorfor hvis hver hvert noen noe bare mye mer også jeg dem deres',
    'fra uten hele egen eget egne filen mappen mangler finnes eksempel navn tall tallet tallene tegn tegnet skrevet',
    'funnet ble være vært skriver gjør kjør kjøre advarsel advarsler samme selv mens mente skrev rettet forventet',
    'beregnet lages trenger hører virker gjelder ganger linjen listen feltene delene periodene navnet anførselstegn',
    'øverste høyst annen desimaltall feltnavn filnavn nøkkeltall dager datoer aktiviteter definisjoner',
    'prosentverdier bolig boligen boliger husstander kjøring eksisterende erstattet stoppet foreløpig',
    'forhåndsvisning forhåndsvisningen vanlig vanligvis virkelig gjennomsnittlig',
  ]
    .join(' ')
    .split(' '),
);

/** The bokmål-only words in a message's prose: text quoted from the forms («…») and code (`…`) are skipped. */
const bokmalWords = (text: string) =>
  text
    .replace(/«[^»]*»/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => BOKMAL_ONLY.has(word));

/** Every parameter a message reads is `value`, so every branch that tests for a value is taken. */
const everyParam = (value: string) => new Proxy({}, { get: () => value }) as Params;

describe('messages', () => {
  it('has every message in both bokmål and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nb).sort());
  });

  it('has every bokmål message in nynorsk, in the same order', () => {
    expect(Object.keys(nn)).toEqual(Object.keys(nb));
  });

  it('writes the nynorsk messages in nynorsk, not bokmål', () => {
    const found: string[] = [];
    for (const [code, message] of Object.entries(nn)) {
      // 'X' takes every «has a value» branch; '1' the singular of every «n === 1 ? one : several».
      for (const value of ['X', '1']) {
        for (const word of bokmalWords(message(everyParam(value)))) found.push(`${code}: ${word}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('catches a bokmål message copied into nynorsk', () => {
    expect(bokmalWords(nb['io/not-found'](everyParam('X')))).toEqual(['ikke', 'filen', 'mappen']);
  });

  it('refuses a message code that does not exist, when compiling (npm run typecheck) and when running', () => {
    // @ts-expect-error: 'render/wrot' is no message code; the type check fails if it ever compiles.
    expect(() => t('nb', 'render/wrot')).toThrow(/no nb message/);
    expect(t('nb', 'render/wrote', { file: 'a.pdf' })).toBe('skrev a.pdf');
    expect(t('nn', 'render/wrote', { file: 'a.pdf' })).toBe('skreiv a.pdf');
  });

  it('chooses nynorsk for nynorsk locales, bokmål for other Norwegian locales and English otherwise', () => {
    expect(langFromEnv({ LANG: 'nb_NO.UTF-8' })).toBe('nb');
    expect(langFromEnv({ LANG: 'nn_NO.UTF-8' })).toBe('nn');
    expect(langFromEnv({ LC_ALL: 'no_NO' })).toBe('nb');
    expect(langFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', BOSOREPORT_LANG: 'nb' })).toBe('nb');
    expect(langFromEnv({ LANG: 'en_US.UTF-8', BOSOREPORT_LANG: 'nn' })).toBe('nn');
    expect(langFromEnv({ LC_ALL: 'de_DE.UTF-8', LANG: 'nb_NO.UTF-8' })).toBe('en');
  });

  it('takes nn for --lang', () => {
    expect(parseLang('nn')).toBe('nn');
    expect(parseLang('NN')).toBe('nn');
  });
});
