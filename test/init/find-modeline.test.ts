import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findModeline } from '../../src/init/modeline.js';

/** The modeline as it was first read: the whole text split into lines. */
function byLines(text: string) {
  let offset = text.startsWith('\ufeff') ? 1 : 0;
  for (const [i, raw] of text.slice(offset).split('\n').entries()) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() !== '' && !line.startsWith('#')) return undefined;
    if (/^#\s+(?:yaml-language-server\s*:|\$schema:)/.test(line)) {
      const m = /\$schema(?:=|:[^\S\r\n]*)(\S+)/.exec(line);
      if (!m) return undefined;
      const at = m.index + m[0].length - m[1]!.length;
      return { ref: m[1]!, start: offset + at, end: offset + at + m[1]!.length, line: i + 1, col: at + 1 };
    }
    offset += raw.length + 1;
  }
  return undefined;
}

describe('the modeline, read from the top of a report', () => {
  it('is found where reading the whole report line by line finds it', () => {
    const piece = fc.constantFrom('\n', '\r\n', '# ', '#', ' ', '\t', '\ufeff', 'yaml-language-server:', ' $schema=', '$schema: ', '../s.json', 'x: 1', 'none');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        expect(findModeline(pieces.join(''))).toEqual(byLines(pieces.join('')));
      }),
      { numRuns: 2000 },
    );
  });
});
