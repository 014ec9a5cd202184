// `npm run import-check`: imports the two seed reports' text (test/fixtures/import/), and the
// Husbanken copy of every example on a form that can be imported, as PDF and as a Word file shaped
// as the form (bench/docx-maker.mjs), and holds each draft
// against the report typed by hand (examples/), value by value: recovered exactly, the same words
// in another layout, text that differs, left open, and wrong (a figure or date that differs from the
// hand-made report). Prints the table and writes it into docs/import.md between its markers. Run
// after `npm run build`; the PDFs need a browser, as `render --pdf` does.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { builtinForms } = await import(path.join(ROOT, 'dist/forms/registry.js'));
const { importableForms, identifyText, importText } = await import(path.join(ROOT, 'dist/import/index.js'));
const { fromPages, pagesOfText } = await import(path.join(ROOT, 'dist/import/source.js'));
const { pdfPages } = await import(path.join(ROOT, 'dist/import/pdf.js'));
const { docxBlocks } = await import(path.join(ROOT, 'dist/import/docx.js'));
const { docx, wordFromHtml } = await import('./docx-maker.mjs');
const { compareImport } = await import(path.join(ROOT, 'dist/import/compare.js'));

const forms = importableForms((await builtinForms()).forms);
const importable = new Set(forms.map((f) => f.form.id));
const CASES = [
  { source: 'test/fixtures/import/gjovik-aarsrapport-2012.txt', example: 'examples/gjovik-aarsrapport-2012.yaml' },
  { source: 'test/fixtures/import/lillehammer-halvaarsrapport-2011.txt', example: 'examples/lillehammer-halvaarsrapport-2011.yaml' },
];
// Every example on a form that can be imported, printed as the copy for Husbanken, and read back.
const printed = mkdtempSync(path.join(tmpdir(), 'bosoreport-import-check-'));
const examples = readdirSync(path.join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.yaml'))
  .filter((f) => importable.has(parse(readFileSync(path.join(ROOT, 'examples', f), 'utf8')).skjema));
const render = spawnSync(
  process.execPath,
  [path.join(ROOT, 'bin/bosoreport.cjs'), 'render', ...examples.map((f) => `examples/${f}`), '--pdf', '--copy', 'husbanken', '-d', printed, '--quiet'],
  {
    cwd: ROOT,
    encoding: 'utf8',
  },
);
if (render.status !== 0) throw new Error(`render failed: ${render.stderr}`);
for (const f of examples) CASES.push({ pdf: path.join(printed, f.replace(/\.yaml$/, '.husbanken.pdf')), example: `examples/${f}` });
// …and the same copy as a Word file shaped as the form (its tables as Word tables), made from its HTML.
for (const f of examples) CASES.push({ html: path.join(printed, f.replace(/\.yaml$/, '.husbanken.html')), example: `examples/${f}` });

const rows = [];
const verbose = process.argv.includes('--verbose');
try {
  for (const c of CASES) {
    let text;
    if (c.pdf) {
      const read = await pdfPages(new Uint8Array(readFileSync(c.pdf)), 500);
      if (read.problem) throw new Error(`${c.pdf}: ${read.problem} ${read.detail}`);
      text = fromPages(read.pages);
    } else if (c.html) {
      const read = docxBlocks(docx(wordFromHtml(readFileSync(c.html, 'utf8'))), 50_000_000);
      if (read.problem) throw new Error(`${c.html}: ${read.detail}`);
      text = fromPages(read.blocks, 'avsnitt');
    } else text = pagesOfText(readFileSync(path.join(ROOT, c.source), 'utf8'));
    const name = c.pdf ? `${path.basename(c.example)} → its PDF` : c.html ? `${path.basename(c.example)} → a Word file` : path.basename(c.source);
    const { chosen } = identifyText(text, forms);
    const expected = parse(readFileSync(path.join(ROOT, c.example), 'utf8'));
    if (!chosen || chosen.form.id !== expected.skjema) throw new Error(`${name}: identified as ${chosen?.form.id}, the example is ${expected.skjema}`);
    const result = importText(text, chosen);
    const cmp = compareImport(expected, result.values);
    const n = cmp.values.length;
    const recovered = cmp.counts.exact + cmp.counts['same-words'];
    rows.push({ name, form: chosen.form.id, n, ...cmp.counts, recovered, extra: cmp.extra.length });
    console.log(name);
    const shown = cmp.values.filter((v) => v.verdict === 'wrong' || (verbose && v.verdict !== 'exact'));
    for (const v of shown) console.log(`  ${v.verdict.padEnd(12)} ${v.path}: ${JSON.stringify(v.expected)?.slice(0, 60)} ← ${JSON.stringify(v.got)?.slice(0, 60)}`);
    for (const e of verbose ? cmp.extra : []) console.log(`  extra        ${e.path}: ${JSON.stringify(e.got).slice(0, 60)}`);
  }
} finally {
  rmSync(printed, { recursive: true, force: true });
}
const pct = (a, b) => `${((100 * a) / b).toFixed(0)} %`;
const table = [
  '| Source | Form | Values in the example | Recovered exactly | Same words, other layout | Text differs | Left open | Wrong | Recovered |',
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
