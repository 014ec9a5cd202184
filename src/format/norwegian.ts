/**
 * Numbers and dates the way Husbanken's forms write them: «1 390», «38,4 %», «−7», «18. februar 2013».
 * A no-break space separates thousands and stands before «%», so lines never break inside a figure.
 *
 * Written out rather than taken from Intl: building an nb-NO formatter loads locale data, about
 * 50 ms of a one-report run. The output is Intl's nb-NO output exactly (a property test compares
 * them): rounding half away from zero on the number's shortest decimal form, U+2212 for minus.
 */

const NBSP = '\u00a0';
const MINUS = '\u2212';

/** The decimal digits of |x| (finite) and where the decimal point goes: 38.45 → { digits: '3845', point: 2 }. */
function decimal(x: number): { digits: string; point: number } {
  const [mantissa, exponent] = Math.abs(x).toString().split('e') as [string, string | undefined];
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot === -1 ? mantissa.length : dot) + Number(exponent ?? 0);
  return { digits, point };
}

/** |x| × 10^shift, rounded half up to `fraction` decimals, as integer and fraction digits (fraction without trailing zeros). */
function rounded(x: number, shift: number, fraction: number): { int: string; frac: string } {
  let { digits, point } = decimal(x);
  point += shift;
  // Pad so that the digits cover the integer part and every kept decimal.
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (digits.length < point + fraction + 1) digits = digits.padEnd(point + fraction + 1, '0');
  const keep = point + fraction;
  let kept = digits.slice(0, keep);
  if (digits.charCodeAt(keep) >= 0x35 /* '5' */) {
    // Add one in the last kept place, carrying leftwards.
    const carried = [...kept];
    let i = carried.length - 1;
    for (; i >= 0; i--) {
      if (carried[i] === '9') carried[i] = '0';
      else {
        carried[i] = String(Number(carried[i]) + 1);
        break;
      }
    }
    kept = (i < 0 ? '1' : '') + carried.join('');
  }
  const int = kept.slice(0, kept.length - fraction).replace(/^0+(?=\d)/, '') || '0';
  const frac = kept.slice(kept.length - fraction).replace(/0+$/, '');
  return { int, frac };
}

/** 1234567 → «1 234 567»; numbers under 1 000 are not grouped. */
function grouped(int: string): string {
  if (int.length < 4) return int;
  let out = '';
  for (let end = int.length; end > 0; end -= 3) out = int.slice(Math.max(0, end - 3), end) + (out ? NBSP + out : '');
  return out;
}

type SignStyle = 'auto' | 'exceptZero';

function format(x: number, shift: number, fraction: number, sign: SignStyle, suffix = ''): string {
  if (Number.isNaN(x)) return `NaN${suffix}`;
  const { int, frac } = Number.isFinite(x) ? rounded(x, shift, fraction) : { int: '∞', frac: '' };
  const body = (Number.isFinite(x) ? grouped(int) : int) + (frac ? `,${frac}` : '') + suffix;
  const negative = x < 0 || Object.is(x, -0);
  if (sign === 'exceptZero') {
    if (int === '0' && frac === '') return body;
    return (negative ? MINUS : '+') + body;
  }
  return (negative ? MINUS : '') + body;
}

export function formatInteger(n: number): string {
  return format(n, 0, 0, 'auto');
}

/** With a sign for a change: «+65», «−7», «0». */
export function formatChange(n: number): string {
  return format(n, 0, 0, 'exceptZero');
}

/** A fraction as a percentage with at most one decimal: 0.384 → «38,4 %», 0.66 → «66 %». */
export function formatPercent(fraction: number): string {
  return format(fraction, 2, 1, 'auto', `${NBSP}%`);
}

export function formatDecimal(n: number): string {
  return format(n, 0, 1, 'auto');
}

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** ISO date → «18. februar 2013»; ISO month (2010-11) → «november 2010». */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (m === undefined) return String(y); // known to the year only
  const month = `${MONTHS[m! - 1]} ${y}`;
  return d === undefined ? month : `${d}. ${month}`;
}

/** ISO date → «01.01.2012», the form's column-header style. */
export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
