import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readBlockYaml } from '../../src/load/block-yaml.js';
import { coreTags } from '../../src/load/yaml-lib.js';
import { parseReport, parseReportWithYaml } from '../../src/load/parse.js';
import type { DataPath, Target } from '../../src/load/positions.js';
import { validateSource, validateWithYaml } from '../../src/validate/validate.js';
import { exampleText, FORMS, fuzzOptions, FUZZ_RUNS, GJOVIK, LILLEHAMMER } from '../helpers.js';

const encode = (s: string) => new TextEncoder().encode(s);

/** What `yaml` makes of a text, or undefined when it finds anything at all to complain about. */
/** What `yaml` reads, configured as bosoreport configures it (the core schema, narrowed: see core-scalars.ts). */
function yamlData(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, customTags: coreTags });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  try {
    return { data: doc.toJS() };
  } catch {
    return undefined; // an alias without its anchor
  }
}

/** Every path in a value, with one that does not exist below each mapping and list. */
function paths(value: unknown, at: DataPath = []): DataPath[] {
  const out: DataPath[] = [at];
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push(...paths(v, [...at, i])));
    out.push([...at, value.length]);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
    out.push([...at, 'finnes_ikke', 'heller_ikke']);
  }
  return out;
}

/** The block reader, where it reads a text, gives `yaml`'s data and `yaml`'s positions for every path. */
function agreesWithYaml(text: string): boolean {
  const block = readBlockYaml(text);
  if (!block) return false;
  const reference = yamlData(text);
  expect(reference, 'the block reader read a text yaml complains about').toBeDefined();
  expect(block.data).toEqual(reference!.data);
  const fast = parseReport('r.yaml', encode(text), 'en').report!;
  const slow = parseReportWithYaml('r.yaml', encode(text), 'en').report!;
  for (const path of paths(block.data)) {
    for (const target of ['value', 'key', 'owner'] as Target[]) {
      expect(fast.spanFor(path, target), `${target} of /${path.join('/')}`).toEqual(slow.spanFor(path, target));
    }
  }
  return true;
}

// Documents in the block style, built from the parts reports use and the parts that trip readers up.
/** Mostly what reports contain, sometimes what trips readers up. */
const mostly = (common: string[], rare: string[]) => fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...common) }, { weight: 1, arbitrary: fc.constantFrom(...rare) });
const key = mostly(['a', 'b', 'kommune', 'status_behov_pr_0101', 'x1', '_y', 'nei', 'Ja', 'no', 'e'], ['null', 'True', 'a b', '"a"', 'a-b', 'ø']);
const plain = mostly(
  [
    'x',
    'Gjøvik kommune',
    '12',
    '-7',
    '+3',
    '0.5',
    '.5',
    '1e3',
    '0o17',
    '0x1F',
    '017',
    '1_000',
    'null',
    'Null',
    '~',
    'true',
    'False',
    'yes',
    'NO',
    '.inf',
    '-.Inf',
    '.NaN',
    '2013-02-18',
    '41581180',
    '38,4 %',
    'a:b',
    'a #b',
    'a# b',
    'http://x.no',
    '-x',
    '?x',
    ':x',
    'æøå ÆØÅ',
    'a  b',
    '9007199254740993',
    '-0',
    '1.',
    'tRue',
    'x ',
  ],
  ['a: b', 'a:', '&a x', '*a', '!x y', '@x', '%x', '- x', '? x', 'a\tb', '[a, b]', '[a, "b: c", 1]', "['x', y ]", '[a,b,]', '{a: 1}', '[]', '{}', '[ ]', '[null]', '[a]#x'],
);
const quotedText = mostly(['', 'x', '2013-02-18', 'a # b', 'a: b', "it's", ' padded ', 'æ'], ['say "hi"', '\\n', 'a\\"b']);
const line = mostly(['tekst', 'mer tekst', '', '', 'slutt.', 'a: b # ikke kommentar', '- punkt'], ['# ikke kommentar', '  innrykket', ' ', '\t', '  ', 'x\ty']);
const header = mostly(['|', '|-', '>', '>-'], ['|+', '>+', '|2', '| # c', '|#c', '>-2']);
const comment = mostly(['', '', '', ' # merknad'], ['  #x', ' #', '#x']);

type Tree = { kind: 'scalar'; text: string } | { kind: 'block'; header: string; lines: string[] } | { kind: 'map'; entries: [string, Tree][] } | { kind: 'seq'; items: Tree[] };

const tree = fc.letrec<{ node: Tree; map: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    plain.map((text) => ({ kind: 'scalar' as const, text })),
    quotedText.map((s) => ({ kind: 'scalar' as const, text: `"${s}"` })),
    quotedText.map((s) => ({ kind: 'scalar' as const, text: `'${s.replaceAll("'", "''")}'` })),
    fc.record({ header, lines: fc.array(line, { minLength: 1, maxLength: 5 }) }).map((b) => ({ kind: 'block' as const, ...b })),
    tie('map'),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items) => ({ kind: 'seq' as const, items })),
  ),
  map: fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }).map((entries) => ({ kind: 'map' as const, entries })),
}));

const style = fc.record({
  indent: fc.constantFrom(2, 2, 2, 4, 1),
  seqAtKeyColumn: fc.boolean(),
  blankLines: fc.boolean(),
  comments: fc.array(comment, { minLength: 8, maxLength: 8 }),
  docStart: fc.boolean(),
});
type Style = typeof style extends fc.Arbitrary<infer S> ? S : never;

/** Writes a tree as block YAML at column `col`; `lead` is what starts the first line (`key:` or `- `). */
function write(node: Tree, col: number, s: Style, counter: { n: number }): { inline: string; below: string[] } {
  const note = () => s.comments[counter.n++ % s.comments.length]!;
  const pad = ' '.repeat(col);
  switch (node.kind) {
    case 'scalar':
      return { inline: ` ${node.text}${note()}`, below: [] };
    case 'block':
      return { inline: ` ${node.header}`, below: node.lines.map((l) => (l === '' ? '' : `${pad}${' '.repeat(s.indent)}${l}`)) };
    case 'map': {
      const lines: string[] = [];
      for (const [k, v] of node.entries) {
        const w = write(v, col + s.indent, s, counter);
        if (w.inline === '' && v.kind === 'seq' && s.seqAtKeyColumn) {
          lines.push(`${pad}${k}:`, ...write(v, col, s, counter).below);
        } else {
          lines.push(`${pad}${k}:${w.inline}`, ...w.below);
        }
        if (s.blankLines) lines.push('');
      }
      return { inline: '', below: lines };
    }
    case 'seq': {
      const lines: string[] = [];
      for (const item of node.items) {
        if (item.kind === 'map') {
          const inner = write(item, col + 2, s, counter).below;
          lines.push(`${pad}- ${inner[0]!.slice(col + 2)}`, ...inner.slice(1));
        } else {
          const w = write(item, col + 2, s, counter);
          lines.push(`${pad}-${w.inline}`, ...w.below);
        }
      }
      return { inline: '', below: lines };
    }
  }
}

const documents = fc.tuple(tree.map, style, fc.boolean()).map(([root, s, windows]) => {
  const text = `${s.docStart ? '---\n' : ''}${write(root, 0, s, { n: 0 }).below.join('\n')}\n`;
  // Reports written on Windows end their lines with CRLF.
  return windows ? text.replaceAll('\n', '\r\n') : text;
});

describe('the block reader agrees with yaml wherever it reads a file', () => {
  it('reads the annual report example to the same data and positions', () => {
    expect(agreesWithYaml(exampleText(GJOVIK))).toBe(true);
  });

  it('reads the half-year example to the same data and positions', () => {
    expect(agreesWithYaml(exampleText(LILLEHAMMER))).toBe(true);
  });

  it('reads a report saved with Windows line ends (CRLF) to the same data and positions', () => {
    expect(agreesWithYaml(exampleText(GJOVIK).replaceAll('\n', '\r\n'))).toBe(true);
    expect(agreesWithYaml(exampleText(LILLEHAMMER).replaceAll('\n', '\r\n'))).toBe(true);
  });

  it('resolves plain scalars the YAML 1.2 core way', () => {
    const forms = [
      '1_000',
      '0b101',
      '0o17',
      '017',
      '+12',
      '.5',
      '1e3',
      '0x1F',
      'True',
      'TRUE',
      'tRue',
      'Null',
      'NULL',
      '~',
      '~x',
      '.inf',
      '-.Inf',
      '.NaN',
      '2013-02-18',
      'NO',
      'yes',
      'on',
      '1.0',
      '12:30',
      '1,5',
      '9007199254740993',
      '-0',
      '0.',
      '1e',
      '+.5',
      'y',
      '1 390',
      '38,4 %',
    ];
    for (const f of forms) expect(readBlockYaml(`a: ${f}\n`)?.data, f).toEqual(yamlData(`a: ${f}\n`)!.data);
  });

  it('gives the same data and positions for generated block documents, and reads most of them', () => {
    let read = 0;
    let valid = 0;
    fc.assert(
      fc.property(documents, (text) => {
        if (agreesWithYaml(text)) read++;
        if (yamlData(text)) valid++;
      }),
      fuzzOptions(FUZZ_RUNS * 2),
    );
    // Not a speed-up that never applies: most documents yaml reads without complaint, this reads too.
    expect(read / valid).toBeGreaterThan(0.3);
  });

  it('never reads a broken text: after random edits it agrees with yaml or leaves the file to it', () => {
    const alphabet = fc.constantFrom(...'ab: -\n\t\'"[]{}&*!|>#%@`,?\\\r~0.'.split(''), '  ', '\n  ', ': ', '- ', '---', '...', '\u00a0', '\ufeff');
    const edit = fc.record({ at: fc.nat(), cut: fc.nat(4), insert: fc.array(alphabet, { maxLength: 3 }).map((a) => a.join('')) });
    fc.assert(
      fc.property(documents, fc.array(edit, { minLength: 1, maxLength: 3 }), (text, edits) => {
        let t = text;
        for (const e of edits) {
          const at = e.at % (t.length + 1);
          t = t.slice(0, at) + e.insert + t.slice(at + e.cut);
        }
        agreesWithYaml(t);
      }),
      fuzzOptions(FUZZ_RUNS * 2),
    );
  });

  for (const [name, file] of [
    ['the annual', GJOVIK],
    ['the half-year', LILLEHAMMER],
  ] as const) {
    it(
      `gives the same diagnostics as yaml on ${name} report, mutated`,
      () => {
        const source = exampleText(file);
        const change = fc.record({
          at: fc.nat(source.length),
          cut: fc.nat(30),
          insert: fc.constantFrom('', 'X', ' 1', ': a', '\n  - b', '&a x', '*a', '"', 'null', '\n  ukjent_felt: 1', ' -5', '\n\n', ' # x', ' [a, b]', '\r\n'),
        });
        fc.assert(
          fc.property(change, ({ at, cut, insert }) => {
            const bytes = encode(source.slice(0, at) + insert + source.slice(Math.min(source.length, at + cut)));
            expect(validateSource('r.yaml', bytes, { lang: 'en', forms: FORMS }).diagnostics).toEqual(validateWithYaml('r.yaml', bytes, { lang: 'en', forms: FORMS }).diagnostics);
          }),
          fuzzOptions(),
        );
      },
      Math.max(30_000, FUZZ_RUNS * 100),
    );
  }
});
