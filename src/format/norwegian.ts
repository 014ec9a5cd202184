/**
 * Numbers and dates the way Husbanken's forms write them: «1 390», «38,4 %», «−7», «18. februar 2013».
 * Intl's nb-NO output uses a no-break space as thousands separator and before «%», so lines never
 * break inside a figure.
 */
/** Made on first use: building Intl formatters loads locale data, which a clean validation never needs. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
const integerFormat = lazy(() => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }));
const signedFormat = lazy(() => new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }));
const percentFormat = lazy(() => new Intl.NumberFormat('nb-NO', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 }));
const decimalFormat = lazy(() => new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 1 }));
const longDateFormat = lazy(() => new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const monthYearFormat = lazy(() => new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }));

export function formatInteger(n: number): string {
  return integerFormat().format(n);
}

/** With a sign for a change: «+65», «−7», «0». */
export function formatChange(n: number): string {
  return signedFormat().format(n);
}

/** A fraction as a percentage with at most one decimal: 0.384 → «38,4 %», 0.66 → «66 %». */
export function formatPercent(fraction: number): string {
  return percentFormat().format(fraction);
}

export function formatDecimal(n: number): string {
  return decimalFormat().format(n);
}

/** ISO date → «18. februar 2013»; ISO month (2010-11) → «november 2010». */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (d === undefined) return monthYearFormat().format(new Date(Date.UTC(y!, m! - 1, 1)));
  return longDateFormat().format(new Date(Date.UTC(y!, m! - 1, d)));
}

/** ISO date → «01.01.2012», the form's column-header style. */
export function formatShortDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
