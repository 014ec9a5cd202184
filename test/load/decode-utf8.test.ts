import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/utf8.js';

// The report's text is what every position, message and figure is read from: the faster decoding
// must give exactly the text Node's own UTF-8 decoding gives, for any valid UTF-8.
describe('decodeUtf8', () => {
  it('gives the same text as Buffer#toString for any valid UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(decodeUtf8(bytes)).toBe(bytes.toString('utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('reads Norwegian text, dashes, guillemets and characters outside the BMP', () => {
    const text = 'kommune: Gjøvik – «Boligsosialt» … 😀\r\nÆØÅ æøå\n';
    expect(decodeUtf8(Buffer.from(text, 'utf8'))).toBe(text);
  });

  it('reads a view into a larger buffer, not the buffer around it', () => {
    const whole = Buffer.from('xxå–yy', 'utf8');
    expect(decodeUtf8(whole.subarray(2, whole.length - 2))).toBe('å–');
  });
});
