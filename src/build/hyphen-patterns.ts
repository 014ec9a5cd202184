import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { fileURLToPath } from 'node:url';
import { HYPHEN_PATTERNS_FILE, type PatternFile } from '../render/hyphen-patterns.js';

// Build step: the hyphen package's Norwegian patterns (a 570 kB JavaScript module of literals) as
// JSON beside the render code. Node took about 70 ms of every PDF run to compile and run that module,
// on the main thread while the browser laid out the first page; JSON.parse reads the same data in a
// third of that. The file says where the patterns come from and carries the package's licence.

const require = createRequire(import.meta.url);
const patterns = require('hyphen/patterns/nb.js') as unknown[];
const pkg = require('hyphen/package.json') as { version: string; license: string };

/** The file's content: the patterns with their source, refused if JSON would change them (a hole, a «__proto__» key). */
export function patternFile(): string {
  const file: PatternFile = {
    source: `TeX's Norwegian hyphenation patterns as the hyphen package ${pkg.version} ships them (patterns/nb.js), under its ${pkg.license} licence`,
    licence: readFileSync(require.resolve('hyphen/LICENSE'), 'utf8'),
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
