/**
 * YAML 1.2 core-schema resolution of plain scalars, as the `yaml` package does it with the tags
 * bosoreport gives it (yaml-lib.ts): dates and «NO» stay text; only these spellings become null,
 * booleans and numbers. One place, so every parser bosoreport uses reads a report to the same data.
 *
 * Narrower than YAML on purpose: a count written in hex (0x1F), octal (0o17) or with an exponent
 * (1e3), or a whole number too large to hold exactly (above 2^53 − 1), stays text, so the schema
 * reports it with a hint instead of bosoreport silently reading a different number; −0 is 0.
 */
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^[-+]?[0-9]+$/;
const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

/** A whole number, or the text when it cannot be held exactly; −0 is 0. */
export function constructInt(s: string): number | string {
  const n = Number(s);
  if (!Number.isSafeInteger(n)) return s;
  return n === 0 ? 0 : n;
}

export function constructFloat(s: string): number {
  if (/\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  if (/\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  const n = Number(s);
  return n === 0 ? 0 : n;
}

/** The value of a plain (unquoted) scalar. Looks at the first character before trying any pattern. */
export function resolvePlain(s: string): string | number | boolean | null {
  const c = s.charCodeAt(0);
  if (s.length === 0 || c === 0x7e /* ~ */) return s.length <= 1 ? null : s;
  if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
    if (CORE_INT.test(s)) return constructInt(s);
    if (CORE_FLOAT.test(s)) return constructFloat(s);
    return s;
  }
  if (c === 0x6e || c === 0x4e) return CORE_NULL.test(s) ? null : s;
  if (c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46) return CORE_BOOL.test(s) ? s.charCodeAt(0) === 0x74 || s.charCodeAt(0) === 0x54 : s;
  return s;
}
