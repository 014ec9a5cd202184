// `npm run bench`: bosoreport against the tools users would otherwise pick, side by side on the same
// generated corpus, in one run on this machine. Prints one line per figure and writes
// bench/results.json. Never part of `npm test`: timings belong here, not in assertions.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/bosoreport.cjs');
const WORK = path.join(os.tmpdir(), 'bosoreport-bench');
const REPORTS = Number(process.env.BENCH_REPORTS ?? 1000);
const PDFS = Number(process.env.BENCH_PDFS ?? 50);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const LARGE = Number(process.env.BENCH_LARGE ?? 10000);

function wall(cmd, args, options = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.error) throw r.error;
  return { seconds, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Milliseconds per print of the same HTML on one page of one browser: what a PDF costs at least. */
async function pdfFloor(html, count) {
  const { findBrowser } = await import('../dist/render/browser.js');
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: (await findBrowser(undefined)).chosen.path, headless: true, pipe: true, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    await page.setContent(html, { waitUntil: 'load' });
    await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true });
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / count;
  await browser.close();
  return ms;
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function repeat(n, fn) {
  return median(Array.from({ length: n }, () => fn().seconds));
}

const results = {
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? '?',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  },
  date: new Date().toISOString(),
  figures: {},
};
const line = (name, text) => {
  process.stdout.write(`${name.padEnd(34)} ${text}\n`);
};

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
const corpus = path.join(WORK, 'reports');
const bytes = writeCorpus(corpus, REPORTS, ROOT);
line('corpus', `${REPORTS} annual reports, ${(bytes / 1e6).toFixed(1)} MB of YAML, ${REPORTS / 10} with a schema error and ${REPORTS / 10} with a rule error`);

// 1. Validating the corpus: bosoreport (positions, rules, cross-report checks) vs ajv-cli (schema only).
const schemaFile = path.join(WORK, 'aarsrapport-2012.bundled.json');
writeFileSync(schemaFile, wall(process.execPath, [BIN, 'schema', 'aarsrapport-2012']).stdout);
const ajvCli = path.join(ROOT, 'node_modules/ajv-cli/dist/index.js');
const ajvArgs = [
  ajvCli,
  'validate',
  '--spec=draft2020',
  '-s',
  schemaFile,
  '-d',
  `${corpus}/**/*.yaml`,
  '-c',
  path.join(ROOT, 'bench/ajv-formats.cjs'),
  '--all-errors',
  '--strict=false',
];
const boArgs = [path.join(ROOT, 'bench/child.mjs'), 'validate', corpus, '--format', 'json', '-o', path.join(WORK, 'results.json')];
// Interleaved (ajv-cli, bosoreport, ajv-cli, …): a machine that slows down or speeds up during the
// run then affects both sides alike, instead of whichever happened to run second.
let rssKb = 0;
let ajvOutput = '';
const ajvRuns = [];
const boRuns = [];
for (let i = 0; i < RUNS; i++) {
  const a = wall(process.execPath, ajvArgs);
  ajvOutput = a.stdout + a.stderr;
  ajvRuns.push(a.seconds);
  const b = wall(process.execPath, boArgs, { env: { ...process.env, CI: 'true' } });
  rssKb = Math.max(rssKb, Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(b.stderr)?.[1] ?? 0));
  boRuns.push(b.seconds);
}
const ajvTime = median(ajvRuns);
const boTime = median(boRuns);
const ajvInvalidFiles = new Set(
  ajvOutput
    .split('\n')
    .filter((l) => / invalid$/.test(l))
    .map((l) => path.resolve(l.replace(/ invalid$/, ''))),
);
const ajvInvalid = ajvInvalidFiles.size;
const boJson = JSON.parse(readFileSync(path.join(WORK, 'results.json'), 'utf8'));
const boFailing = boJson.filer.filter((f) => f.feil > 0).length;
// Both sides must find the same files wrong against the schema (bosoreport's rule errors aside).
const boSchemaFiles = new Set(boJson.filer.filter((f) => f.diagnostikk.some((d) => d.ruleId.startsWith('schema/'))).map((f) => path.resolve(f.fil)));
const sameFiles = ajvInvalidFiles.size === boSchemaFiles.size && [...ajvInvalidFiles].every((f) => boSchemaFiles.has(f));
results.figures.validate = {
  reports: REPORTS,
  megabytes: bytes / 1e6,
  runs: RUNS,
  interleaved: true,
  bosoreportSeconds: boTime,
  ajvCliSeconds: ajvTime,
  ratio: boTime / ajvTime,
  target: 0.7,
  bosoreportFilesWithErrors: boFailing,
  ajvCliInvalidFiles: ajvInvalid,
  sameSchemaFailures: sameFiles,
};
line('validate corpus: bosoreport', `${boTime.toFixed(2)} s (files with errors: ${boFailing}; positions, rules, cross-report checks)`);
line('validate corpus: ajv-cli', `${ajvTime.toFixed(2)} s (invalid files: ${ajvInvalid}; schema only, no positions)`);
line('  ratio bosoreport / ajv-cli', `${(boTime / ajvTime).toFixed(2)}× (target ≤ 0.70×), interleaved runs, median of ${RUNS}`);
line('  same files fail the schema', sameFiles ? `yes (${ajvInvalid})` : `NO: ajv-cli ${ajvInvalid}, bosoreport ${boSchemaFiles.size}`);
results.figures.memory = { peakRssMB: rssKb / 1024, target: 300 };
line('  peak RSS, bosoreport', `${(rssKb / 1024).toFixed(0)} MB (target < 300 MB)`);

// 1a. The regional overview of the same corpus, against validate on it (interleaved, median).
const summaryArgs = [path.join(ROOT, 'bench/child.mjs'), 'summary', corpus, '-f', 'html', '-o', path.join(WORK, 'oversikt.html')];
const summaryRuns = [];
const validateRuns = [];
for (let i = 0; i < RUNS; i++) {
  validateRuns.push(wall(process.execPath, boArgs, { env: { ...process.env, CI: 'true' } }).seconds);
  summaryRuns.push(wall(process.execPath, summaryArgs, { env: { ...process.env, CI: 'true' } }).seconds);
}
const summaryTime = median(summaryRuns);
const validateTime = median(validateRuns);
results.figures.summary = {
  reports: REPORTS,
  runs: RUNS,
  interleaved: true,
  summarySeconds: summaryTime,
  validateSeconds: validateTime,
  ratio: summaryTime / validateTime,
  target: 2,
};
line('summary corpus (HTML)', `${summaryTime.toFixed(2)} s against validate ${validateTime.toFixed(2)} s: ${(summaryTime / validateTime).toFixed(2)}× (target ≤ 2×)`);

// 1b. A region's whole history: 10 000 reports, for the peak memory (the cross-report facts grow per file).
if (LARGE > 0) {
  const large = path.join(WORK, 'large');
  const largeBytes = writeCorpus(large, LARGE, ROOT);
  const r = wall(process.execPath, [path.join(ROOT, 'bench/child.mjs'), 'validate', large, '--format', 'json', '-o', path.join(WORK, 'large.json')], {
    env: { ...process.env, CI: 'true' },
  });
  const largeRss = Number(/BENCH_MAX_RSS_KB=(\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  results.figures.large = { reports: LARGE, megabytes: largeBytes / 1e6, seconds: r.seconds, peakRssMB: largeRss, target: 200 };
  line(`validate ${LARGE} reports`, `${r.seconds.toFixed(1)} s, peak RSS ${largeRss.toFixed(0)} MB (target < 200 MB), ${(largeBytes / 1e6).toFixed(0)} MB of YAML`);
  rmSync(large, { recursive: true, force: true });
}

// 2. Start-up.
const example = path.join(ROOT, 'examples/gjovik-aarsrapport-2012.yaml');
const nodeOnly = repeat(9, () => wall(process.execPath, ['-e', '0']));
const version = repeat(9, () => wall(process.execPath, [BIN, '--version']));
const one = repeat(9, () => wall(process.execPath, [BIN, 'validate', example], { env: { ...process.env, CI: 'true' } }));
results.figures.startup = { nodeSeconds: nodeOnly, versionSeconds: version, validateOneSeconds: one, target: 0.15 };
line('start-up: node -e 0', `${(nodeOnly * 1000).toFixed(0)} ms`);
line('start-up: bosoreport --version', `${(version * 1000).toFixed(0)} ms`);
line('start-up: validate one report', `${(one * 1000).toFixed(0)} ms (target ≤ 150 ms)`);

// 3. PDF: one browser for a batch vs a loop that starts a browser per file.
if (PDFS > 0) {
  const pdfDir = path.join(WORK, 'pdf-reports');
  const files = readdirSync(corpus, { recursive: true })
    .filter((f) => String(f).endsWith('.yaml'))
    .map((f) => path.join(corpus, String(f)));
  const clean = JSON.parse(readFileSync(path.join(WORK, 'results.json'), 'utf8'))
    .filer.filter((f) => f.feil === 0)
    .map((f) => f.fil);
  const chosen = files.filter((f) => clean.some((c) => path.resolve(c) === path.resolve(f))).slice(0, PDFS);
  mkdirSync(pdfDir, { recursive: true });
  chosen.forEach((f, i) => writeFileSync(path.join(pdfDir, `r${String(i).padStart(3, '0')}.yaml`), readFileSync(f)));
  wall(process.execPath, [BIN, 'doctor']); // unpack the bundled browser once, outside the timings
  const batch = wall(process.execPath, [BIN, 'render', pdfDir, '--pdf', '--no-html', '-d', path.join(WORK, 'pdf-batch')], { env: { ...process.env, CI: 'true' } });
  const start = process.hrtime.bigint();
  for (const f of readdirSync(pdfDir))
    wall(process.execPath, [BIN, 'render', path.join(pdfDir, f), '--pdf', '--no-html', '-d', path.join(WORK, 'pdf-loop')], { env: { ...process.env, CI: 'true' } });
  const loop = Number(process.hrtime.bigint() - start) / 1e9;
  const made = readdirSync(path.join(WORK, 'pdf-batch')).length;
  // The floor: one puppeteer page printing the same prebuilt HTML again and again, nothing else.
  wall(process.execPath, [BIN, 'render', path.join(pdfDir, readdirSync(pdfDir)[0]), '-d', path.join(WORK, 'pdf-html')]);
  const html = readFileSync(path.join(WORK, 'pdf-html', readdirSync(path.join(WORK, 'pdf-html'))[0]), 'utf8');
  const floorMs = await pdfFloor(html, chosen.length);
  results.figures.pdf = {
    reports: chosen.length,
    batchSeconds: batch.seconds,
    loopSeconds: loop,
    ratio: batch.seconds / loop,
    perReportMs: (batch.seconds / chosen.length) * 1000,
    floorPerReportMs: floorMs,
    targetRatio: 0.4,
    targetPerReportMs: 200,
    pdfsWritten: made,
  };
  line(`PDF: batch of ${chosen.length} (one browser)`, `${batch.seconds.toFixed(1)} s, ${((batch.seconds / chosen.length) * 1000).toFixed(0)} ms per report (target ≤ 200 ms)`);
  line(`PDF: loop of ${chosen.length} (browser per file)`, `${loop.toFixed(1)} s`);
  line('  ratio batch / loop', `${(batch.seconds / loop).toFixed(2)}× (target ≤ 0.40×)`);
  line('PDF: floor (one page, same HTML)', `${floorMs.toFixed(0)} ms per report: printing alone, without reading, checking or launching`);
}

writeFileSync(path.join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
line('machine', `${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}`);
line('written', 'bench/results.json');
rmSync(WORK, { recursive: true, force: true });
