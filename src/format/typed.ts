/**
 * How Norwegian users type dates and numbers that YAML and the schema do not take, read back: the
 * value a mechanical mistake stands for, or undefined when more than one reading is possible. The
 * hints (src/humanize.ts) and `fix` use the same readings, so a hint never promises what fix
 * would not do. Pure; each returns the value as YAML text.
 */

/** Month names and the abbreviations reports use, bokmål and nynorsk (the months are spelt alike). */
const MONTHS: Record<string, number> = {
  januar: 1,
  jan: 1,
  februar: 2,
  feb: 2,
  mars: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mai: 5,
  juni: 6,
  jun: 6,
  juli: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  oktober: 10,
  okt: 10,
  november: 11,
  nov: 11,
  desember: 12,
  des: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function exists(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * A four-digit year for a typed one. Two digits are read as 20yy only when that is no later than the
 * last year the form can speak of (the programme began after 2000, so 19yy cannot be meant).
 */
function fullYear(typed: string, latest: number): number | undefined {
  if (typed.length === 4) return Number(typed);
  const year = 2000 + Number(typed);
  return year <= latest ? year : undefined;
}

export interface DateContext {
  /** The field allows a month alone (ÅÅÅÅ-MM). */
  monthAllowed: boolean;
  /** The last year a date in the report can have: the form's last year, plus one for its deadline. */
  latestYear: number;
}

/** «18.02.2013», «30.08.11», «15. JANUAR 2013», «November 2010» (where a month may stand alone) → ISO. */
export function isoDate(raw: string, ctx: DateContext): string | undefined {
  const s = raw.trim().replace(/\s+/g, ' ');
  const numeric = /^(\d{1,2})[./](\d{1,2})[./](\d{4}|\d{2})$/.exec(s);
  if (numeric) {
    const year = fullYear(numeric[3]!, ctx.latestYear);
    const [d, m] = [Number(numeric[1]), Number(numeric[2])];
    return year !== undefined && exists(year, m, d) ? `${year}-${pad(m)}-${pad(d)}` : undefined;
  }
  const named = /^(\d{1,2})\.? ([a-zA-ZæøåÆØÅ]+)\.? (\d{4})$/.exec(s);
  if (named) {
    const m = MONTHS[named[2]!.toLowerCase()];
    const [y, d] = [Number(named[3]), Number(named[1])];
    return m !== undefined && exists(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : undefined;
  }
  const month = /^([a-zA-ZæøåÆØÅ]+)\.? (\d{4})$/.exec(s);
  if (month && ctx.monthAllowed) {
    const m = MONTHS[month[1]!.toLowerCase()];
    return m !== undefined ? `${month[2]}-${pad(m)}` : undefined;
  }
  return undefined;
}

/**
 * «1 390», «1.390», «12 500 000»: a whole number with spaces or points between groups of exactly
 * three digits; and "302", a whole number in quotes. «1,390» is left alone: a comma may be a decimal comma.
 */
export function plainCount(raw: string): string | undefined {
  const s = raw.trim();
  if (/^-?\d+$/.test(s)) return exact(String(Number(s)), s);
  if (!/^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+$/.test(s) && !/^-?\d{1,3}(?:\.\d{3})+$/.test(s)) return undefined;
  const digits = s.replace(/[ \u00a0\u202f.]/g, '');
  return exact(digits, digits);
}

/** «80 %», «80%», «12,5 %» → the number, when the field takes it (whole numbers only, or decimals too). */
export function percent(raw: string, wholeOnly: boolean): string | undefined {
  const m = /^\s*(-?\d+)(?:[.,](\d+))?\s*%\s*$/.exec(raw);
  if (!m) return undefined;
  if (m[2] === undefined) return exact(m[1]!, m[1]!);
  return wholeOnly ? undefined : exact(`${m[1]}.${m[2]}`, `${m[1]}.${m[2]}`);
}

/**
 * The text a fix writes, only when the number YAML reads from it is the number typed: a figure too
 * large for a double («9007199254740993» would read as …992) or with more decimals than it holds stays
 * the text it was, for the user to look at. Leading zeros are not digits that matter.
 */
function exact(text: string, typed: string): string | undefined {
  const n = Number(text);
  const canonical = typed
    .replace(/^(-?)0+(?=\d)/, '$1')
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  return Number.isFinite(n) && String(n) === canonical ? text : undefined;
}

/** «12,5» → 12.5 in a field that takes decimals. */
export function decimal(raw: string): string | undefined {
  const m = /^\s*(-?\d+),(\d+)\s*$/.exec(raw);
  return m ? exact(`${m[1]}.${m[2]}`, `${m[1]}.${m[2]}`) : undefined;
}
