import { en } from './en.js';
import { nb } from './nb.js';

export type Lang = 'nb' | 'en';
export const LANGS: readonly Lang[] = ['nb', 'en'];

export type Params = Record<string, string | number | undefined>;
export type Catalogue = Record<string, (p: Params) => string>;
/** Every message code: a misspelt or removed code is a compile error where it is used. */
export type MessageCode = keyof typeof nb;
export type MessageCatalogue = Record<MessageCode, (p: Params) => string>;

const catalogues: Record<Lang, MessageCatalogue> = { nb, en };

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
 * The language from the environment: Norwegian locales (nb, nn, no) get bokmål,
 * everything else English. BOSOREPORT_LANG wins over the locale variables.
 */
export function langFromEnv(env: NodeJS.ProcessEnv = process.env): Lang {
  const candidates = [env.BOSOREPORT_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG, env.LANGUAGE?.split(':')[0]];
  let locale = candidates.find((v) => v !== undefined && v !== '' && v !== 'C' && v !== 'POSIX');
  if (!locale) locale = Intl.DateTimeFormat().resolvedOptions().locale;
  return /^(nb|nn|no)([_.-]|$)/i.test(locale) ? 'nb' : 'en';
}

export function parseLang(value: string): Lang | undefined {
  const v = value.toLowerCase();
  if (v === 'nb' || v === 'no' || v === 'nn') return 'nb';
  if (v === 'en') return 'en';
  return undefined;
}
