import type { Rule } from '../../rules/types.js';
import type { Halvaarsrapport2011 } from './data.js';

/** About one A4 page of running text. */
export const EXAMPLE_MAX_CHARS = 4000;

/** W10: «Godt eksempel (maks 1 side)». */
export const godtEksempelForLangt: Rule<Halvaarsrapport2011> = {
  id: 'godt-eksempel-for-langt',
  code: 'W10',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Godt eksempel ${p.nr} er ${p.tegn} tegn; skjemaet ber om maks 1 side (omtrent ${p.maks} tegn).`,
      about: 'Et godt eksempel skal være på maks én side.',
    },
    nn: {
      message: (p) => `«Godt eksempel» ${p.nr} er ${p.tegn} teikn; skjemaet ber om maks 1 side (om lag ${p.maks} teikn).`,
      about: 'Eit «Godt eksempel» skal vere på maks éi side.',
    },
    en: {
      message: (p) => `Good example ${p.nr} is ${p.tegn} characters; the form asks for at most 1 page (about ${p.maks} characters).`,
      about: 'A good example is at most one page.',
    },
  },
  check: ({ data }) =>
    (data.formidling?.gode_eksempler ?? []).flatMap((e, i) =>
      e.tekst !== null && e.tekst.length > EXAMPLE_MAX_CHARS
        ? [{ path: ['formidling', 'gode_eksempler', i, 'tekst'], params: { nr: i + 1, tegn: e.tekst.length, maks: EXAMPLE_MAX_CHARS } }]
        : [],
    ),
};

/** The form's own rules; the header and activity-table rules come with the shared parts. */
export const RULES: readonly Rule<Halvaarsrapport2011>[] = [godtEksempelForLangt];
