import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import { validateSource } from '../../src/validate/validate.js';
import { exampleText, FORMS, FUZZ_RUNS, fuzzOptions, GJOVIK, LILLEHAMMER } from '../helpers.js';

/** BOSOREPORT_FUZZ_RUNS=5000 npm test runs a bigger search; the default keeps `npm test` quick. */
const RUNS = FUZZ_RUNS;
const templates = loadTemplates();
/** Bigger searches take longer; the test's time limit grows with them. */
const TIMEOUT = Math.max(30_000, RUNS * 100);
const encode = (s: string) => new TextEncoder().encode(s);

/** What a user may see: never a stack trace, always a position and a message. */
function expectWellFormed(diagnostics: ReturnType<typeof validateSource>['diagnostics']): void {
  for (const d of diagnostics) {
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(d.file).toBe('fuzz.yaml');
  }
}

/** The whole pipeline on one input: load, identify, validate, derive, rules, and render when valid. */
function pipeline(bytes: Uint8Array): void {
  for (const lang of ['nb', 'en'] as const) {
    const result = validateSource('fuzz.yaml', bytes, { lang, forms: FORMS });
    expectWellFormed(result.diagnostics);
    if (result.schemaValid) {
      const html = renderHtml(result, templates);
      // User text never becomes markup: the only script element is the JSON data block.
      expect(html.match(/<script\b/g)).toHaveLength(1);
      expect(html).not.toMatch(/<img\b|<iframe\b|<object\b/i);
    }
    if (!result.schemaValid) expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  }
}

function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

function setAt(root: any, path: (string | number)[], value: unknown): void {
  if (path.length === 0) return;
  let node = root;
  for (const seg of path.slice(0, -1)) node = node?.[seg];
  if (node && typeof node === 'object') node[path[path.length - 1]!] = value;
}

function deleteAt(root: any, path: (string | number)[]): void {
  let node = root;
  for (const seg of path.slice(0, -1)) node = node?.[seg];
  const last = path[path.length - 1];
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else if (node && typeof node === 'object' && last !== undefined) delete node[last];
}

/** Values that real reports and careless edits put where they do not belong. */
const hostileValue = fc.oneof(
  fc.constantFrom(
    null,
    0,
    -1,
    -7,
    1e308,
    -1e308,
    2 ** 53 + 1,
    1.5,
    true,
    false,
    '',
    'X',
    'x)',
    'NaN',
    'Infinity',
    '1 390',
    '38,4 %',
    'ikke tilgjengelig',
    '2015-06-31',
    '31.06.2015',
    'Gjennomført',
    '(ÅRSTALL)',
  ),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '</style><b>x</b>',
    '{{constructor.constructor "x"}}',
    '[x](javascript:alert(1))',
    '![x](http://127.0.0.1:9/x.png)',
    '<img src=x onerror=alert(1)>',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constant('Gjøvik'.normalize('NFD')),
  fc.constant('a'.repeat(20_000)),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ a: { b: { c: { d: { e: [1, [2, [3, [4]]]] } } } } }),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer()), { maxLength: 4 }),
);

const mutation = fc.record({ kind: fc.constantFrom('set', 'delete', 'rename'), pick: fc.nat(), value: hostileValue, name: fc.string({ maxLength: 12 }) });

function mutate(source: string, ops: { kind: string; pick: number; value: unknown; name: string }[]): string {
  const data = parse(source);
  for (const op of ops) {
    const all = paths(data).slice(1);
    if (all.length === 0) break;
    const path = all[op.pick % all.length]!;
    // A copy: the generator hands out shared constants, and YAML data can never contain itself.
    if (op.kind === 'set') setAt(data, path, structuredClone(op.value));
    else if (op.kind === 'delete') deleteAt(data, path);
    else {
      let node: any = data;
      for (const seg of path.slice(0, -1)) node = node?.[seg];
      const last = path[path.length - 1];
      if (node && typeof node === 'object' && !Array.isArray(node) && typeof last === 'string') {
        node[op.name || '_'] = node[last];
        delete node[last];
      }
    }
  }
  return stringify(data);
}

describe('fuzz: hostile and broken input never crashes the pipeline', () => {
  it(
    'survives arbitrary bytes',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => pipeline(bytes)),
        fuzzOptions(),
      );
    },
    TIMEOUT,
  );

  it(
    'survives arbitrary text, including control characters and YAML syntax',
    () => {
      const yamlish = fc.string({ unit: fc.constantFrom(...'ab:- \n\t\'"[]{}&*!|>#%@`,?\u0000\u0007\u2028\ufeffæøå'.split('')), maxLength: 300 });
      fc.assert(
        fc.property(yamlish, (text) => pipeline(encode(text))),
        fuzzOptions(),
      );
    },
    TIMEOUT,
  );

  for (const [name, file] of [
    ['Gjøvik', GJOVIK],
    ['Lillehammer', LILLEHAMMER],
  ] as const) {
    it(
      `survives ${name}'s report with keys deleted, renamed and values swapped`,
      () => {
        const source = exampleText(file);
        fc.assert(
          fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ops) => pipeline(encode(mutate(source, ops)))),
          fuzzOptions(),
        );
      },
      TIMEOUT,
    );

    it(
      `survives ${name}'s report cut and spliced at random places`,
      () => {
        const source = exampleText(file);
        fc.assert(
          fc.property(fc.nat(source.length), fc.nat(200), fc.string({ maxLength: 20 }), (at, cut, insert) => {
            pipeline(encode(source.slice(0, at) + insert + source.slice(Math.min(source.length, at + cut))));
          }),
          fuzzOptions(),
        );
      },
      TIMEOUT,
    );
  }

  it(
    'survives huge runs of white space anywhere, including inside keys that repeat (once quadratic)',
    () => {
      const source = exampleText(GJOVIK);
      const space = fc.constantFrom(' ', '\t', '\u00a0', '\u3000');
      fc.assert(
        fc.property(fc.nat(source.length), space, fc.integer({ min: 1_000, max: 200_000 }), fc.boolean(), (at, ch, n, twice) => {
          const run = `a${ch.repeat(n)}b`;
          pipeline(encode(source.slice(0, at) + run + source.slice(at)));
          if (twice) pipeline(encode(`skjema: aarsrapport-2012\n${run}: 1\n${run}: 2\n`));
        }),
        fuzzOptions(Math.max(10, Math.floor(RUNS / 10))),
      );
    },
    TIMEOUT,
  );

  it(
    'survives deep nesting and long lines',
    () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 0, max: 200_000 }), (depth, width) => {
          pipeline(encode(`skjema: aarsrapport-2012\nx: ${'['.repeat(depth)}${']'.repeat(depth)}\ny: ${'z'.repeat(width)}\n`));
          pipeline(encode(`skjema: aarsrapport-2012\n${Array.from({ length: Math.min(depth, 400) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`));
        }),
        fuzzOptions(Math.max(10, Math.floor(RUNS / 10))),
      );
    },
    TIMEOUT,
  );
});
