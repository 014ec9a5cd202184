import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textDigest } from '../../src/util/text-digest.js';

// The digest decides whether a validator compiled at build time may check a report: a schema edited
// since must never share its digest with the one built.
describe('textDigest', () => {
  it('changes when any one character of a schema changes', () => {
    const schema = JSON.stringify({ title: 'Behovstabell', properties: { kommune: { type: 'string' }, aar: { type: 'integer', minimum: 2009 } } });
    const built = textDigest(['s.schema.json', schema]);
    fc.assert(
      fc.property(fc.nat(schema.length - 1), fc.integer({ min: 1, max: 0xffff }), (at, code) => {
        fc.pre(schema.charCodeAt(at) !== code);
        const edited = schema.slice(0, at) + String.fromCharCode(code) + schema.slice(at + 1);
        expect(textDigest(['s.schema.json', edited])).not.toBe(built);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells texts apart that differ only in where one ends and the next begins', () => {
    expect(textDigest(['ab', 'c'])).not.toBe(textDigest(['a', 'bc']));
    expect(textDigest(['abc', ''])).not.toBe(textDigest(['', 'abc']));
  });

  it('is the same for the same texts, as 16 hexadecimal digits', () => {
    expect(textDigest(['Gjøvik', '{}'])).toBe(textDigest(['Gjøvik', '{}']));
    expect(textDigest(['Gjøvik', '{}'])).toMatch(/^[0-9a-f]{16}$/);
  });
});
