import { describe, expect, it } from 'vitest';
import { figureRuns, readDate, readWhole } from '../../src/import/values.js';

describe('figures and dates as reports write them', () => {
  it('reads Norwegian dates into ISO, and nothing that is not a day', () => {
    expect(readDate('18.02.2013')).toBe('2013-02-18');
    expect(readDate('01.02.10')).toBe('2010-02-01');
    expect(readDate('15. JANUAR 2013')).toBe('2013-01-15');
    expect(readDate('6. oktober 2011')).toBe('2011-10-06');
    expect(readDate('31.02.2013')).toBeUndefined();
    expect(readDate('18.02.2013 og 19.02.2013')).toBeUndefined();
    expect(readDate('i fjor')).toBeUndefined();
  });

  it('reads whole numbers with thin or plain spaces and a minus sign, and no amounts or words', () => {
    expect(readWhole('1 390')).toBe(1390);
    expect(readWhole('1\u00a0390')).toBe(1390);
    expect(readWhole('−7')).toBe(-7);
    expect(readWhole('38,4')).toBeUndefined();
    expect(readWhole('X')).toBeUndefined();
    expect(readWhole('ca. 10')).toBeUndefined();
    expect(readWhole('13 90')).toBeUndefined();
  });

  it('splits a table row that came out as «7 8-1» in the one way it can be read', () => {
    const [run] = figureRuns('bolig 7 8-1 Tallene er basert');
    expect(run!.readings).toEqual([[7, 8, -1]]);
  });

  it('gives every reading of «1 390 1 455», so a caller can see it has more than one', () => {
    const [run] = figureRuns('1 390 1 455');
    expect(run!.readings).toContainEqual([1390, 1455]);
    expect(run!.readings).toContainEqual([1, 390, 1, 455]);
    expect(run!.readings.length).toBeGreaterThan(2);
  });

  it('leaves out years after a month, dates, amounts, percentages and numbers that are part of a word', () => {
    const texts = figureRuns('Januar 2012 den 31.12.2012 kr 2,6 mill 15 % for neste 4-års periode');
    expect(texts.flatMap((r) => r.readings[0])).toEqual([]);
  });
});
