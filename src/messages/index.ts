import { en } from './en.js';
import { nb } from './nb.js';
import { nn } from './nn.js';

/** Bokmål, nynorsk and English: the three languages of the CLI's messages and help. */
export type Lang = 'nb' | 'nn' | 'en';
export const LANGS: readonly Lang[] = ['nb', 'nn', 'en'];

export type Params = Record<string, string | number | undefined>;
export type Catalogue = Record<string, (p: Params) => string>;
/** Every message code: a misspelt or removed code is a compile error where it is used. */
export type MessageCode = keyof typeof nb;
export type MessageCatalogue = Record<MessageCode, (p: Params) => string>;

const catalogues: Record<Lang, MessageCatalogue> = { nb, nn, en };

/** Looks up a user-facing text by its code. A missing code is a programming error, so it throws. */
export function t(lang: Lang, code: MessageCode, params: Params = {}): string {
  const entry = catalogues[lang][code];
  if (!entry) throw new Error(`no ${lang} message for ${code}`);
  return entry(params);
}

export function hasMessage(lang: Lang, code: string): code is MessageCode {
  return code in catalogues[lang];
}

/** A catalogue message and its hint (`<code>.hint`, when the catalogue has one), for the diagnostic factory. */
export function words(lang: Lang, code: MessageCode, params: Params = {}): { message: string; hint?: string } {
  const hint = `${code}.hint`;
  return { message: t(lang, code, params), ...(hasMessage(lang, hint) ? { hint: t(lang, hint, params) } : {}) };
}

/**
 * The language from the environment: a nynorsk locale (nn) gets nynorsk, other Norwegian
 * locales (nb, no) bokmål, everything else English. BOSOREPORT_LANG wins over the locale variables.
 */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const candidates = [env.BOSOREPORT_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE?.split(':')[0]];
  let locale = candidates.find((v) => v !== undefined && v !== '' && v !== 'C' && v !== 'POSIX');
  if (!locale) locale = Intl.DateTimeFormat().resolvedOptions().locale;
  if (/^nn([_.-]|$)/i.test(locale)) return 'nn';
  return /^(nb|no)([_.-]|$)/i.test(locale) ? 'nb' : 'en';
}

export function parseLang(value: string): Lang | undefined {
  const v = value.toLowerCase();
  if (v === 'nb' || v === 'no') return 'nb';
  if (v === 'nn') return 'nn';
  if (v === 'en') return 'en';
  return undefined;
}
