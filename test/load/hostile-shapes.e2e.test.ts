import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/load/limits.js';
import { exampleText, GJOVIK, runCli, tempTree } from '../helpers.js';

// Issue 26 at full size: the 1.5–2 MB files that took minutes or a gigabyte, run through the built
// binary, standalone and as the value of an extra field in a real report. Each must end with exit 1
// and the limit's message; the time and memory they take are measured by hand (see the issue), not
// asserted. The same shapes at moderate sizes are in hostile-shapes.test.ts.

const STACK = /\n\s+at .+:\d+:\d+/;
const repeat = (part: string, n: number, sep = '') => Array(n).fill(part).join(sep);
const keys = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}k${i}: 1\n`).join('');

const messages = {
  keys: `more than ${LIMITS.maxMappingKeys} fields; a report never has that many in one place.  (load/too-many-keys)`,
  values: `more than ${LIMITS.maxNodes} values; a report holds a few thousand at most.  (load/too-many-values)`,
  aliases: `too many times (the limit is ${LIMITS.maxAliasCount}).  (load/alias-bomb)`,
  deep: `nested too deeply (more than ${LIMITS.maxDepth} levels).  (load/too-deep)`,
};

/** Each shape: its text as a file of its own, and as the value of `ekstra:` (indented where it is a block). */
const shapes: { name: string; alone: string; value: string; says: string }[] = [
  { name: '400,000 duplicate keys in a flow mapping', alone: `x: {${repeat('a: 1', 400_000, ',')}}\n`, value: ` {${repeat('a: 1', 380_000, ',')}}\n`, says: messages.keys },
  { name: '400,000 duplicate block keys', alone: repeat('a: 1\n', 400_000), value: `\n${repeat('  a: 1\n', 280_000)}`, says: messages.keys },
  { name: '80,000 unique block keys and one duplicate', alone: `${keys(80_000, '')}k7: 1\n`, value: `\n${keys(80_000, '  ')}  k7: 1\n`, says: messages.keys },
  {
    name: '60,000 anchors and 60,000 aliases',
    alone: `x:\n${Array.from({ length: 60_000 }, (_, i) => `- &a${i} 1\n`).join('')}${Array.from({ length: 60_000 }, (_, i) => `- *a${i}\n`).join('')}`,
    value: `\n${Array.from({ length: 50_000 }, (_, i) => `  - &a${i} 1\n`).join('')}${Array.from({ length: 50_000 }, (_, i) => `  - *a${i}\n`).join('')}`,
    says: messages.aliases,
  },
  {
    name: 'an alias fanned out 250,000 times',
    alone: `a: &a [1,2,3]\nb: [${repeat('*a', 250_000, ',')}]\n`,
    value: ` {a: &a [1,2,3], b: [${repeat('*a', 250_000, ',')}]}\n`,
    says: messages.aliases,
  },
  {
    name: '1,000,000-deep [[[…]]]',
    alone: `x: ${repeat('[', 1_000_000)}${repeat(']', 1_000_000)}\n`,
    value: ` ${repeat('[', 960_000)}${repeat(']', 960_000)}\n`,
    says: messages.deep,
  },
  {
    name: '300,000-deep {a: {a: …}}',
    alone: `x: ${repeat('{a: ', 300_000)}1${repeat('}', 300_000)}\n`,
    value: ` ${repeat('{a: ', 290_000)}1${repeat('}', 290_000)}\n`,
    says: messages.deep,
  },
  { name: 'a list of 500,000 items', alone: `x:\n${repeat('- 1\n', 500_000)}`, value: `\n${repeat('  - 1\n', 300_000)}`, says: messages.values },
  { name: '200,000 small mappings in a list', alone: `x:\n${repeat('- {a: 1}\n', 200_000)}`, value: `\n${repeat('  - {a: 1}\n', 180_000)}`, says: messages.values },
];

describe('hostile YAML shapes at full size (built binary)', () => {
  for (const { name, alone, value, says } of shapes) {
    it(`${name}: exit 1 with the limit's message, alone and inside a report`, () => {
      const report = `${exampleText(GJOVIK)}ekstra:${value}`;
      expect(Buffer.byteLength(alone)).toBeLessThanOrEqual(LIMITS.maxFileBytes);
      expect(Buffer.byteLength(report)).toBeLessThanOrEqual(LIMITS.maxFileBytes);
      const t = tempTree({ 'alone.yaml': alone, 'report.yaml': report });
      try {
        for (const file of ['alone.yaml', 'report.yaml']) {
          const r = runCli(['validate', '--lang', 'en', file], { cwd: t.dir });
          expect(r.status, file).toBe(1);
          expect(r.stdout, file).toContain(says);
          expect(r.stdout, file).toMatch(new RegExp(`^${file.replace('.', '\\.')}:\\d+:\\d+  error  `, 'm'));
          expect(r.stdout + r.stderr, file).not.toMatch(STACK);
        }
        const fix = runCli(['fix', '--dry-run', '--lang', 'en', 'report.yaml'], { cwd: t.dir });
        expect(fix.status).toBe(1);
        expect(fix.stdout).toContain(says);
      } finally {
        t.cleanup();
      }
    });
  }
});
