import { describe, expect, it } from 'vitest';
import { keepBreaksAwayFromEnds } from '../../src/render/hyphenate.js';

const SHY = '\u00AD';
const breaks = (word: string) => keepBreaksAwayFromEnds(word.replaceAll('|', SHY)).replaceAll(SHY, '|');

describe('where a printed word may break', () => {
  it('never leaves fewer than four letters for the next line, or fewer than three on this one', () => {
    // What TeX's patterns give for words the reviewer saw split near their end.
    expect(breaks('Pro|gram|le|del|sen')).toBe('Pro|gram|le|delsen');
    expect(breaks('sam|ar|beids|struk|tu|rer')).toBe('sam|ar|beids|struk|turer');
    expect(breaks('bo|lig|so|sia|le')).toBe('bolig|so|siale');
  });

  it('keeps the breaks in the middle as they are', () => {
    expect(breaks('pro|gram|pe|rioden')).toBe('pro|gram|pe|rioden');
    expect(breaks('kom|mune|sty|ret')).toBe('kom|mune|styret');
  });
});
