import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternFile } from '../../src/build/hyphen-patterns.js';
import { norwegianHyphenator, type PatternFile } from '../../src/render/hyphen-patterns.js';
import hyphen from 'hyphen/nb/index.js';
import { ROOT, tempTree } from '../helpers.js';

// The build writes the hyphen package's Norwegian patterns as JSON (faster to read than its module),
// and PDF printing reads them from there: every word must break exactly where the package breaks it.
describe('the Norwegian hyphenation patterns as JSON', () => {
  it('break every word of the examples where the hyphen package does, read through the file the build writes', async () => {
    const t = tempTree({});
    try {
      const file = path.join(t.dir, 'hyphen-nb.json');
      writeFileSync(file, patternFile());
      const fromJson = await norwegianHyphenator(file);
      const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));
      const words = new Set(examples.flatMap((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8').match(/\p{L}{5,}/gu) ?? []));
      expect(words.size).toBeGreaterThan(1000);
      let hyphenated = 0;
      for (const word of words) {
        const ours = fromJson(word, { minWordLength: 5 });
        expect(ours, word).toBe(hyphen.hyphenateSync(word, { minWordLength: 5 }));
        if (ours !== word) hyphenated++;
      }
      // Not a hyphenator that leaves every word as it is.
      expect(hyphenated).toBeGreaterThan(words.size / 2);
      // And the breaks come from that file, not from the package's own module.
      const empty = path.join(t.dir, 'empty.json');
      writeFileSync(empty, JSON.stringify({ ...(JSON.parse(patternFile()) as PatternFile), patterns: [[], {}, {}] }));
      expect((await norwegianHyphenator(empty))('samarbeidsstrukturer', { minWordLength: 5 })).toBe('samarbeidsstrukturer');
    } finally {
      t.cleanup();
    }
  });

  it("keep the patterns' own copyright notice and the package's licence with them", () => {
    const file = JSON.parse(patternFile()) as PatternFile;
    expect(file.notice).toContain('Rune Kleveland');
    expect(file.notice).toContain('provided the copyright notice and this notice are preserved');
    expect(file.licence).toContain('Permission to use, copy, modify');
  });
});
