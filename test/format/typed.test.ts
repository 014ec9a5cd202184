import { describe, expect, it } from 'vitest';
import { decimal, isoDate, percent, plainCount } from '../../src/format/typed.js';

const day = { monthAllowed: false, latestYear: 2015 };
const monthOk = { monthAllowed: true, latestYear: 2015 };

describe('the one meaning of a mechanical mistake', () => {
  it('reads Norwegian dates as ISO dates, and only dates that exist', () => {
    expect(isoDate('18.02.2013', day)).toBe('2013-02-18');
    expect(isoDate('1.2.2013', day)).toBe('2013-02-01');
    expect(isoDate('15. JANUAR 2013', day)).toBe('2013-01-15');
    expect(isoDate('15 jan. 2013', day)).toBe('2013-01-15');
    expect(isoDate('3. des 2012', day)).toBe('2012-12-03');
    expect(isoDate('30.02.2013', day)).toBeUndefined();
    expect(isoDate('29.02.2012', day)).toBe('2012-02-29');
    expect(isoDate('18.13.2013', day)).toBeUndefined();
    expect(isoDate('18. brumaire 2013', day)).toBeUndefined();
  });

  it("reads a two-digit year only where the form's years leave one century", () => {
    expect(isoDate('30.08.11', day)).toBe('2011-08-30');
    expect(isoDate('30.08.15', day)).toBe('2015-08-30');
    expect(isoDate('30.08.16', day)).toBeUndefined();
    expect(isoDate('30.08.99', day)).toBeUndefined();
  });

  it('reads a month alone only in a field that allows one', () => {
    expect(isoDate('November 2010', monthOk)).toBe('2010-11');
    expect(isoDate('nov. 2010', monthOk)).toBe('2010-11');
    expect(isoDate('November 2010', day)).toBeUndefined();
  });

  it('takes thousands separators out of counts, but never a comma', () => {
    expect(plainCount('1 390')).toBe('1390');
    expect(plainCount('1\u00a0390')).toBe('1390');
    expect(plainCount('1.390')).toBe('1390');
    expect(plainCount('12 500 000')).toBe('12500000');
    expect(plainCount('302')).toBe('302');
    expect(plainCount('1,390')).toBeUndefined();
    expect(plainCount('1.39')).toBeUndefined();
    expect(plainCount('13 90')).toBeUndefined();
    expect(plainCount('ca. 300')).toBeUndefined();
  });

  it('turns «80 %» into 80 and «12,5» into 12.5 where the field takes it', () => {
    expect(percent('80 %', true)).toBe('80');
    expect(percent('80%', true)).toBe('80');
    expect(percent('12,5 %', true)).toBeUndefined();
    expect(percent('12,5 %', false)).toBe('12.5');
    expect(percent('80', true)).toBeUndefined();
    expect(decimal('12,5')).toBe('12.5');
    expect(decimal('1,390,000')).toBeUndefined();
  });

  it('never gives a figure other digits than were typed: too large or too precise stays text', () => {
    expect(plainCount('9007199254740993')).toBeUndefined();
    expect(plainCount('9 007 199 254 740 993')).toBeUndefined();
    expect(plainCount('9007199254740991')).toBe('9007199254740991');
    expect(plainCount('007')).toBe('7');
    expect(decimal('0,10000000000000000555')).toBeUndefined();
    expect(decimal('12,50')).toBe('12.50');
    expect(percent('12,5 %', false)).toBe('12.5');
  });
});
