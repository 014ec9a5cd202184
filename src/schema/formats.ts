import { fullFormats } from 'ajv-formats/dist/formats.js';

/** A real calendar date (2015-06-31 is not) in ISO form. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A date the report may know only to the month («November 2010» → 2010-11) or the year («fra 2011»
 * → "2011"): a day is never made up for it.
 */
export function isDateOrMonth(value: string): boolean {
  if (/^(19|20)\d{2}$/.test(value)) return true;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return isIsoDate(value);
}

// ajv-formats' RFC-based e-mail and URI checks, from its module of formats alone (the bundle takes it in).
const full = fullFormats as Record<string, RegExp | ((s: string) => boolean)>;
const asFunction = (f: RegExp | ((s: string) => boolean)) => (typeof f === 'function' ? f : (s: string) => f.test(s));

/**
 * Every format the schemas use, as functions. The same object serves the run-time compiler and the
 * validators precompiled at build time, so both check the same thing.
 */
export const formats = {
  date: { type: 'string', validate: isIsoDate },
  'dato-eller-maaned': { type: 'string', validate: isDateOrMonth },
  email: { type: 'string', validate: asFunction(full.email!) },
  uri: { type: 'string', validate: asFunction(full.uri!) },
} as const;
