/**
 * YAML 1.2 core-schema resolution of plain scalars, exactly as the `yaml` package does it: dates and
 * «NO» stay text; only these spellings become null, booleans and numbers. One place, so every
 * parser bosoreport uses reads a report to the same data.
 */
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_INT = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const CORE_FLOAT = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;

function constructInt(s: string): number {
  return s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : Number(s);
}

function constructFloat(s: string): number {
  if (/\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
  if (/\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  return Number(s);
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
