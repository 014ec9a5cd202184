import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patternFile } from '../../src/build/hyphen-patterns.js';
import type { PatternFile } from '../../src/render/hyphen-patterns.js';
import createHyphenator from 'hyphen/hyphen.js';
import hyphen from 'hyphen/nb/index.js';
import { ROOT } from '../helpers.js';

// The build carries the hyphen package's Norwegian patterns as JSON (faster to read than its module):
// every word must break exactly where the package itself breaks it.
describe('the Norwegian hyphenation patterns as JSON', () => {
  it('break every word of the examples where the hyphen package does', () => {
    const file = JSON.parse(patternFile()) as PatternFile;
    const fromJson = createHyphenator(file.patterns);
    const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.yaml'));
    const words = new Set(examples.flatMap((f) => readFileSync(path.join(ROOT, 'examples', f), 'utf8').match(/\p{L}{5,}/gu) ?? []));
    expect(words.size).toBeGreaterThan(1000);
    for (const word of words) expect(fromJson(word, { minWordLength: 5 }), word).toBe(hyphen.hyphenateSync(word, { minWordLength: 5 }));
  });

  it('say where they come from and carry the licence they come under', () => {
    const file = JSON.parse(patternFile()) as PatternFile;
    expect(file.source).toMatch(/hyphen package \d+\.\d+\.\d+/);
    expect(file.licence).toContain('Permission to use, copy, modify');
  });
});
