import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatDecimal, formatInteger, formatPercent } from '../../src/format/norwegian.js';
import { fuzzOptions, FUZZ_RUNS } from '../helpers.js';

// The reference: what Intl's nb-NO formatters print, which the hand-written formatting must equal.
const intl = {
  integer: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 }),
  change: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0, signDisplay: 'exceptZero' }),
  percent: new Intl.NumberFormat('nb-NO', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 }),
  decimal: new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 1 }),
  date: new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Numbers as reports produce them (counts, changes, shares) and as hostile input might. */
const numbers = fc.oneof(
  fc.integer({ min: -2_000_000, max: 2_000_000 }),
  fc.integer({ min: 0, max: 1000 }).chain((whole) => fc.integer({ min: 1, max: 1000 }).map((part) => part / whole)),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 0.3845, 0.38449999999999995, 0.125, -0.125, 0.05, 0.95, 0.9995, 0.99949, 1e21, 5e-324, NaN, Infinity, -Infinity, 2 ** 53 + 2, 1390, -1390, 999.5, -999.5),
);

describe('Norwegian numbers and dates', () => {
  it('print figures as the forms do', () => {
    expect(formatInteger(1390)).toBe('1\u00a0390');
    expect(formatPercent(116 / 302)).toBe('38,4\u00a0%');
    expect(formatChange(-7)).toBe('\u22127');
    expect(formatChange(65)).toBe('+65');
    expect(formatChange(0)).toBe('0');
    expect(formatDate('2013-02-18')).toBe('18. februar 2013');
    expect(formatDate('2010-11')).toBe('november 2010');
  });

  it('equal Intl nb-NO for every number, rounding included', () => {
    fc.assert(
      fc.property(numbers, (x) => {
        expect(formatInteger(x)).toBe(intl.integer.format(x));
        expect(formatChange(x)).toBe(intl.change.format(x));
        expect(formatPercent(x)).toBe(intl.percent.format(x));
        expect(formatDecimal(x)).toBe(intl.decimal.format(x));
      }),
      fuzzOptions(FUZZ_RUNS * 10),
    );
  });

  it('equal Intl nb-NO for every date from year 1000 on', () => {
    const day = fc.date({ min: new Date(Date.UTC(1000, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true });
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(formatDate(iso)).toBe(intl.date.format(d));
        expect(formatDate(iso.slice(0, 7))).toBe(intl.month.format(d));
      }),
      fuzzOptions(FUZZ_RUNS * 2),
    );
  });

  it('keep a year below 100 as written, where Date would read 12 as 1912', () => {
    expect(formatDate('0012-02-01')).toBe('1. februar 12');
  });
});
