// `npm run import-check`: imports the two seed reports' text (test/fixtures/import/) and holds each
// draft against the same report typed by hand (examples/), value by value: recovered exactly, the
// same words in another layout, text that differs, left open, and wrong (a figure or date that
// differs from the hand-made report). Prints the table and writes it into docs/import.md between
// its markers. Run after `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { builtinForms } = await import(path.join(ROOT, 'dist/forms/registry.js'));
const { importableForms, identifyText, importText } = await import(path.join(ROOT, 'dist/import/index.js'));
const { pagesOfText } = await import(path.join(ROOT, 'dist/import/source.js'));
const { compareImport } = await import(path.join(ROOT, 'dist/import/compare.js'));

const CASES = [
  { source: 'test/fixtures/import/gjovik-aarsrapport-2012.txt', example: 'examples/gjovik-aarsrapport-2012.yaml' },
  { source: 'test/fixtures/import/lillehammer-halvaarsrapport-2011.txt', example: 'examples/lillehammer-halvaarsrapport-2011.yaml' },
];
const forms = importableForms((await builtinForms()).forms);
const rows = [];
const verbose = process.argv.includes('--verbose');
for (const c of CASES) {
  const text = pagesOfText(readFileSync(path.join(ROOT, c.source), 'utf8'));
  const { chosen } = identifyText(text, forms);
  const expected = parse(readFileSync(path.join(ROOT, c.example), 'utf8'));
  if (!chosen || chosen.form.id !== expected.skjema) throw new Error(`${c.source}: identified as ${chosen?.form.id}, the example is ${expected.skjema}`);
  const result = importText(text, chosen);
  const cmp = compareImport(expected, result.values);
  const n = cmp.values.length;
  const recovered = cmp.counts.exact + cmp.counts['same-words'];
  rows.push({ name: path.basename(c.source), form: chosen.form.id, n, ...cmp.counts, recovered, extra: cmp.extra.length });
  const shown = cmp.values.filter((v) => v.verdict === 'wrong' || (verbose && v.verdict !== 'exact'));
  for (const v of shown) console.log(`  ${v.verdict.padEnd(12)} ${v.path}: ${JSON.stringify(v.expected)?.slice(0, 60)} ← ${JSON.stringify(v.got)?.slice(0, 60)}`);
  for (const e of verbose ? cmp.extra : []) console.log(`  extra        ${e.path}: ${JSON.stringify(e.got).slice(0, 60)}`);
}
const pct = (a, b) => `${((100 * a) / b).toFixed(0)} %`;
const table = [
  '| Source (seed transcript) | Form | Values in the example | Recovered exactly | Same words, other layout | Text differs | Left open | Wrong | Recovered |',
  '|---|---|--:|--:|--:|--:|--:|--:|--:|',
  ...rows.map((r) => `| ${r.name} | ${r.form} | ${r.n} | ${r.exact} | ${r['same-words']} | ${r['text-differs']} | ${r.open} | ${r.wrong} | ${pct(r.recovered, r.n)} |`),
].join('\n');
console.log(table);
const doc = path.join(ROOT, 'docs/import.md');
const md = readFileSync(doc, 'utf8');
const start = '<!-- import-check:start -->';
const end = '<!-- import-check:end -->';
if (!md.includes(start) || !md.includes(end)) throw new Error('docs/import.md has no import-check markers');
writeFileSync(doc, `${md.slice(0, md.indexOf(start) + start.length)}\n${table}\n${md.slice(md.indexOf(end))}`);
console.log('wrote the table into docs/import.md');
process.exitCode = rows.some((r) => r.wrong > 0) ? 1 : 0;
