import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { HYPHEN_PATTERNS_FILE, type PatternFile } from '../render/hyphen-patterns.js';

// Build step: the hyphen package's Norwegian patterns (a 570 kB JavaScript module of literals) as
// JSON beside the render code. Compiling and running that module took 70-85 ms of the main thread in
// a PDF run; JSON.parse reads the same data in a fifth to a third of that. The file says where the
// patterns come from and carries both notices: the patterns' own (hyph-utf8's hyph-nb.tex, built on
// hyph-no.tex) and the hyphen package's licence, under which it ships them.

/** The notice the Norwegian TeX patterns are distributed under (hyph-no.tex, hyph-nb.tex), preserved as they ask. */
const PATTERNS_NOTICE =
  'TeX hyphenation patterns for Norwegian (hyph-utf8: hyph-nb.tex, built on hyph-no.tex). Copyright (C) 2004, 2005 Rune Kleveland, ' +
  'Ole Michael Selberg; 2007 Karl Ove Hufthammer. Copying and distribution of this file, with or without modification, are permitted ' +
  'in any medium without royalty provided the copyright notice and this notice are preserved.';

const require = createRequire(import.meta.url);
const patterns = require('hyphen/patterns/nb.js') as unknown[];
const pkg = require('hyphen/package.json') as { version: string; license: string };

/** The file's content: the patterns with their source, refused if JSON would change them (a hole, a «__proto__» key). */
export function patternFile(): string {
  const file: PatternFile = {
    source: `The Norwegian TeX hyphenation patterns as the hyphen package ${pkg.version} ships them (patterns/nb.js)`,
    notice: PATTERNS_NOTICE,
    licence: `The hyphen package (${pkg.license}):\n${readFileSync(require.resolve('hyphen/LICENSE'), 'utf8')}`,
    patterns,
  };
  const text = JSON.stringify(file);
  if (!isDeepStrictEqual((JSON.parse(text) as PatternFile).patterns, patterns)) throw new Error('the hyphen patterns do not survive JSON unchanged');
  return text;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = fileURLToPath(HYPHEN_PATTERNS_FILE);
  writeFileSync(`${target}.tmp`, patternFile());
  renameSync(`${target}.tmp`, target);
}
