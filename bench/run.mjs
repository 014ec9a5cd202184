// `npm run bench`: bosoreport against what users would otherwise run, on generated corpora, on this
// machine. Every comparison is interleaved (A B A B …, after a discarded warm-up round) and given as
// median with its range; every command is its own `node <script>` process, bosoreport and peers
// alike, preloaded with bench/rss.cjs for its peak RSS. A command that exits with a code it should not,
// is killed, times out or writes nothing is reported as FAILED, never timed as a success.
// Prints one line per figure, writes bench/results.json and the table in docs/performance.md
// (bench/table.mjs). Never part of `npm test`. Knobs (environment):
//   BENCH_RUNS=5            measured runs of each compared command (after BENCH_WARMUP=1 discarded rounds)
//   BENCH_SOLO_RUNS=3       measured runs of figures that compare nothing (peak RSS, fix, render, summary)
//   BENCH_SIZES=1,100,1000,10000   corpus sizes; fix, render and summary use those ≥ 1 000 (else the two largest)
//   BENCH_ONLY=validate,rss,fix,render,summary,startup,pdf   a subset of the groups
//   BENCH_CORPORA=a,b,c     a subset of the corpora (see bench/corpus.mjs)
//   BENCH_STARTUP_RUNS=20   rounds of the start-up figure;  BENCH_TIMEOUT=900   seconds per command
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPORA, corpusIntact, corpusKey, discardCorpus, ensureCorpus } from './corpus.mjs';
import { LAUNCH_ARGS, PDF_OPTIONS } from './pdf-floor.mjs';
import { formatValue, targetText, writeTable } from './table.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin/bosoreport.cjs');
const AJV_CLI = path.join(ROOT, 'node_modules/ajv-cli/dist/index.js');
const AJV_FORMATS = path.join(ROOT, 'bench/ajv-formats.cjs');
const PEER = path.join(ROOT, 'bench/peer-script.cjs');
const FLOOR = path.join(ROOT, 'bench/pdf-floor.mjs');
const RSS_HOOK = path.join(ROOT, 'bench/rss.cjs');
const EXAMPLE = path.join(ROOT, 'examples/gjovik-aarsrapport-2012.yaml');
const GROUPS = ['validate', 'rss', 'fix', 'render', 'summary', 'startup', 'pdf'];

// ---- knobs -------------------------------------------------------------------------------------
function usage(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
function whole(name, fallback, min) {
  const raw = process.env[name] ?? String(fallback);
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) usage(`${name}=${raw}: a whole number ≥ ${min}`);
  return n;
}
function list(name, fallback, allowed) {
  const items = (process.env[name] || fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = allowed ? items.filter((i) => !allowed.includes(i)) : [];
  if (bad.length) usage(`${name}: unknown ${bad.join(', ')} (one or more of ${allowed.join(', ')})`);
  return items;
}
const RUNS = whole('BENCH_RUNS', 5, 1);
const SOLO_RUNS = whole('BENCH_SOLO_RUNS', Math.min(RUNS, 3), 1);
const WARMUP = whole('BENCH_WARMUP', 1, 0);
const STARTUP_RUNS = whole('BENCH_STARTUP_RUNS', 20, 1);
const TIMEOUT_S = whole('BENCH_TIMEOUT', 900, 1);
const ONLY = list('BENCH_ONLY', GROUPS.join(','), GROUPS);
const KINDS = list('BENCH_CORPORA', 'a,b,c', Object.keys(CORPORA));
const SIZES = [...new Set(list('BENCH_SIZES', '1,100,1000,10000').map(Number))].sort((a, b) => a - b);
if (!SIZES.length || SIZES.some((s) => !Number.isInteger(s) || s < 1)) usage(`BENCH_SIZES=${process.env.BENCH_SIZES}: whole numbers ≥ 1`);
const LARGEST = SIZES.at(-1);
const HEAVY_SIZES = SIZES.filter((s) => s >= 1000).length ? SIZES.filter((s) => s >= 1000) : SIZES.slice(-2);

// Targets, by the corpus size they are set for (issue 25).
const TARGETS = {
  ajvRatio: { 1000: 0.6, 10000: 0.8 },
  scriptRatio: { 10000: 1.0 },
  validateRss: { 10000: 200 },
  commandRss: { 10000: 250 },
  summaryGrowth: 11, // 10 000 against 1 000
  startupMs: 25,
  pdfOne: 0.9,
  pdfExamples: 1.05,
};

// ---- running one command -----------------------------------------------------------------------
const WORK = path.join(os.tmpdir(), `bosoreport-bench-work-${process.pid}`);
for (const entry of readdirSync(os.tmpdir()).filter((e) => /^bosoreport-bench-work-\d+$/.test(e))) {
  const pid = Number(entry.split('-').at(-1));
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    // gone: its folder is left over from an interrupted run
  }
  if (!alive) rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
}
mkdirSync(WORK, { recursive: true });

/** The same environment for every measured command: no colours, no GitHub step summary, no TTY. */
const ENV = { ...process.env, CI: 'true', NO_COLOR: '1' };
for (const name of ['FORCE_COLOR', 'GITHUB_STEP_SUMMARY', 'GITHUB_ACTIONS', 'BENCH_RSS_FILE']) delete ENV[name];

function tail(file) {
  const lines = (existsSync(file) ? readFileSync(file, 'utf8') : '').split('\n').filter((l) => l.trim());
  // The error's own line where there is one (a stack's last lines only say where), else the last lines.
  const error = lines.find((l) => /^\s*(\w*Error\b|error:)/i.test(l));
  const text = error ?? lines.slice(-3).join(' ⏎ ');
  return text ? `: ${text.trim().slice(0, 300)}` : '';
}

/**
 * Runs `node [-r bench/rss.cjs] <argv>` once with standard output and error into files, and returns
 * its wall time (spawn to exit, as a shell would see it), peak RSS and what went wrong, if anything.
 */
function runOnce(cmd, { rss = true } = {}) {
  if (cmd.clean) rmSync(cmd.clean, { recursive: true, force: true });
  const io = path.join(WORK, 'io', cmd.id);
  mkdirSync(io, { recursive: true });
  const [stdout, stderr, rssFile] = ['stdout', 'stderr', 'rss'].map((f) => path.join(io, f));
  rmSync(rssFile, { force: true });
  const out = openSync(stdout, 'w');
  const err = openSync(stderr, 'w');
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...(rss ? ['-r', RSS_HOOK] : []), ...cmd.argv], {
    cwd: WORK,
    env: { ...ENV, ...(rss ? { BENCH_RSS_FILE: rssFile } : {}) },
    stdio: ['ignore', out, err],
    timeout: TIMEOUT_S * 1000,
    killSignal: 'SIGKILL',
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  closeSync(err);
  const rssKiB = rss && existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : undefined;
  let problem;
  if (r.error) problem = r.error.code === 'ETIMEDOUT' ? `timed out after ${TIMEOUT_S} s` : r.error.message;
  else if (r.signal) problem = `killed by ${r.signal}`;
  else if (!cmd.ok.includes(r.status)) problem = `exit ${r.status} (expected ${cmd.ok.join(' or ')})`;
  else if (rss && !(rssKiB > 0)) problem = 'reported no peak RSS';
  else problem = cmd.check?.({ stdout, stderr });
  return { ms, rssKiB, status: r.status, stdout, stderr, problem: problem && `${cmd.name}: ${problem}${tail(stderr)}` };
}

/** Rounds of every command in turn (A B C A B C …); the first WARMUP rounds are not kept. Stops at the first failure. */
// `each`: a command that fails is reported on its own and left out of later rounds, and the others
// go on (figures that compare nothing); otherwise one failure ends the comparison.
function interleave(cmds, { runs = RUNS, rss = true, label = '', each = false } = {}) {
  const samples = cmds.map(() => ({ ms: [], rssKiB: [], status: [] }));
  const total = WARMUP + runs;
  for (let round = 0; round < total; round++) {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K  … ${label} round ${round + 1}/${total}`);
    for (const [i, cmd] of cmds.entries()) {
      if (samples[i].problem) continue;
      const r = runOnce(cmd, { rss });
      if (r.problem && each) {
        samples[i].problem = r.problem;
        continue;
      }
      if (r.problem) {
        if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
        return { problem: r.problem };
      }
      if (round < WARMUP) continue;
      samples[i].ms.push(r.ms);
      samples[i].rssKiB.push(r.rssKiB);
      samples[i].status.push(r.status);
    }
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  return { samples };
}

// ---- figures -----------------------------------------------------------------------------------
function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
const round = (x) => Math.round(x * 10) / 10;
const stats = (values) => ({ median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)), n: values.length });
const n = (x) => x.toLocaleString('en-US');
const mb = (kib) => kib / 1024;
function time(s) {
  if (s.median >= 1000) return `${(s.median / 1000).toFixed(2)} s (${(s.min / 1000).toFixed(2)}–${(s.max / 1000).toFixed(2)})`;
  return `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
}
const rssRange = (kib) => `${mb(Math.min(...kib)).toFixed(0)}–${mb(Math.max(...kib)).toFixed(0)} MB`;

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model?.trim() ?? '?',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))),
  },
  code: code(),
  settings: {
    runs: RUNS,
    soloRuns: SOLO_RUNS,
    warmup: WARMUP,
    startupRuns: STARTUP_RUNS,
    sizes: SIZES,
    only: ONLY,
    corpora: KINDS,
    timeoutSeconds: TIMEOUT_S,
    complete: ONLY.length === GROUPS.length && KINDS.length === 3 && SIZES.join() === '1,100,1000,10000',
  },
  method:
    'Wall time of each command as its own process (spawn to exit), `node <script>` for every tool; comparisons interleaved round by round after a discarded warm-up round; median (min–max). Peak RSS: getrusage(RUSAGE_SELF).ru_maxrss of that process (bench/rss.cjs, preloaded with -r), children such as the browser not included; MB = KiB/1024.',
  corpora: {},
  peers: peers(),
  figures: [],
};

function code() {
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || null;
  return { bosoreport: JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version, commit: git('describe', '--always', '--dirty', '--abbrev=12') };
}

function peers() {
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return null;
    }
  };
  const jsYaml = version('js-yaml');
  return {
    ajvCli: `ajv-cli ${version('ajv-cli')} (node ${path.relative(ROOT, AJV_CLI)}, formats from bench/ajv-formats.cjs)`,
    script: `bench/peer-script.cjs: ${jsYaml ? `js-yaml ${jsYaml}` : `yaml ${version('yaml')} (js-yaml is not installed)`} + ajv ${version('ajv')}`,
  };
}

let failures = 0;
/** One figure: recorded in results.json and printed as one line with its target and whether it is met. */
function figure({ id, group, label, value = null, unit, target = null, detail = '', error, data }) {
  const met = error ? false : target === null ? null : unit === 'check' ? value === true : value <= target;
  if (error) failures++;
  const f = { id, group, label, value, unit, target, met, detail: error ? `FAILED: ${error}` : detail, ...(error ? { failed: true } : {}), ...(data ? { data } : {}) };
  results.figures.push(f);
  const metText = error ? 'FAILED' : met === null ? '–' : met ? 'met' : 'NOT MET';
  process.stdout.write(`${label.padEnd(56)} ${formatValue(error ? null : value, unit).padStart(8)}  ${targetText(f).padEnd(10)} ${metText.padEnd(7)}  ${f.detail}\n`);
  return f;
}

const corpora = new Map();
function corpus(kind, size) {
  const key = `${kind}-${size}`;
  if (!corpora.has(key)) {
    const c = ensureCorpus(kind, size, ROOT);
    corpora.set(key, c);
    results.corpora[key] = { kind, description: CORPORA[kind], files: c.files, megabytes: Number((c.bytes / 1e6).toFixed(1)) };
    process.stdout.write(`corpus (${kind}) ${n(size)}: ${n(c.files)} files, ${(c.bytes / 1e6).toFixed(1)} MB of YAML${c.reused ? ', reused' : ', generated'} (${c.dir})\n`);
  }
  return corpora.get(key);
}

const countFiles = (dir, ext) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith(ext)).length : 0);
const nonEmpty = (file) => () => (existsSync(file) && statSync(file).size > 0 ? undefined : `wrote nothing to ${path.basename(file)}`);
/** The formats a command's --help lists for -f/--format, so a new format is measured without editing this file. */
function helpFormats(command) {
  const help = runOnce({ id: `help-${command}`, name: `${command} --help`, argv: [BIN, command, '--help'], ok: [0] }, { rss: false });
  if (help.problem) throw new Error(help.problem);
  const text = readFileSync(help.stdout, 'utf8').replace(/\s+/g, ' ');
  const m = / --format <name> (.*?) -[a-z-], --/.exec(text) ?? / --format <name> (.*?) --\w/.exec(text);
  const formats = (m?.[1] ?? '')
    .replace(/\([^)]*\)/g, '')
    .split(/,|\bor\b/)
    .map((s) => s.trim())
    .filter((s) => /^[a-z]+$/.test(s));
  if (!formats.length) throw new Error(`could not read the formats from \`${command} --help\``);
  return { formats, text };
}

// ---- groups ------------------------------------------------------------------------------------
const schemaFile = path.join(WORK, 'aarsrapport-2012.schema.json');
function prepareSchema() {
  const r = runOnce(
    { id: 'schema', name: 'bosoreport schema', argv: [BIN, 'schema', 'aarsrapport-2012'], ok: [0], check: nonEmpty(path.join(WORK, 'io/schema/stdout')) },
    { rss: false },
  );
  if (r.problem) throw new Error(r.problem);
  writeFileSync(schemaFile, readFileSync(r.stdout));
}

/** Which files each tool found wrong against the schema, and whether each saw every file. */
function agreement(c, ajvRun, scriptRun) {
  const inCorpus = (l) => l.startsWith(c.dir + path.sep);
  const ajvText = `${readFileSync(ajvRun.stdout, 'utf8')}\n${readFileSync(ajvRun.stderr, 'utf8')}`.split('\n');
  const ajvValid = ajvText.filter((l) => inCorpus(l) && / valid$/.test(l)).length;
  const ajvInvalid = new Set(ajvText.filter((l) => inCorpus(l) && / invalid$/.test(l)).map((l) => l.replace(/ invalid$/, '')));
  const scriptText = readFileSync(scriptRun.stdout, 'utf8').trim().split('\n');
  const scriptTotal = /^(\d+) files, (\d+) invalid/.exec(scriptText.at(-1) ?? '');
  const scriptInvalid = new Set(scriptText.filter(inCorpus).map((l) => l.slice(0, l.indexOf('.yaml: ') + 5)));
  const json = path.join(WORK, 'agreement.json');
  const bo = runOnce(
    { id: 'agreement', name: 'bosoreport validate -f json', argv: [BIN, 'validate', c.dir, '-f', 'json', '-o', json], ok: [0, 1], check: nonEmpty(json) },
    { rss: false },
  );
  if (bo.problem) return { error: bo.problem };
  const filer = JSON.parse(readFileSync(json, 'utf8')).filer;
  const boInvalid = new Set(filer.filter((f) => f.diagnostikk.some((d) => d.ruleId.startsWith('schema/') || d.ruleId.startsWith('yaml'))).map((f) => path.resolve(WORK, f.fil)));
  const same = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
  const counts = { bosoreport: filer.length, ajvCli: ajvValid + ajvInvalid.size, script: Number(scriptTotal?.[1] ?? -1) };
  const allSeen = Object.values(counts).every((k) => k === c.files);
  const agree = allSeen && same(ajvInvalid, boInvalid) && same(scriptInvalid, boInvalid);
  const detail = agree
    ? `${n(boInvalid.size)} of ${n(c.files)} files in all three`
    : `files seen: bosoreport ${counts.bosoreport}, ajv-cli ${counts.ajvCli}, script ${counts.script} of ${c.files}; failing the schema: bosoreport ${boInvalid.size}, ajv-cli ${ajvInvalid.size}, script ${scriptInvalid.size}`;
  return { agree, detail, data: { counts, invalid: { bosoreport: boInvalid.size, ajvCli: ajvInvalid.size, script: scriptInvalid.size } } };
}

function validateGroup() {
  for (const size of SIZES) {
    for (const kind of KINDS.filter((k) => k !== 'c')) {
      const c = corpus(kind, size);
      const at = `(${kind}) ${n(size)}`;
      const cmds = [
        { id: 'bosoreport', name: 'bosoreport validate', argv: [BIN, 'validate', c.dir], ok: [0, 1] },
        {
          id: 'ajv-cli',
          name: 'ajv-cli validate',
          argv: [AJV_CLI, 'validate', '--spec=draft2020', '-s', schemaFile, '-d', `${c.dir}/**/*.yaml`, '-c', AJV_FORMATS, '--all-errors', '--strict=false'],
          ok: [0, 1],
        },
        { id: 'script', name: 'js-yaml+ajv script', argv: [PEER, schemaFile, c.dir], ok: [0, 1] },
      ];
      const r = interleave(cmds, { label: `validate ${at}` });
      const base = { group: 'validate' };
      if (r.problem) {
        for (const [id, label] of [
          ['ajv', 'bosoreport ÷ ajv-cli'],
          ['script', 'bosoreport ÷ js-yaml+ajv script'],
        ])
          figure({ ...base, id: `validate-${kind}-${size}-${id}`, label: `validate ${at}: ${label}`, unit: '×', target: TARGETS[`${id}Ratio`][size] ?? null, error: r.problem });
        continue;
      }
      const [bo, ajv, script] = r.samples.map((s) => ({ time: stats(s.ms), rssKiB: s.rssKiB }));
      const runs = `${RUNS} run${RUNS === 1 ? '' : 's'} interleaved`;
      figure({
        ...base,
        id: `validate-${kind}-${size}-ajv`,
        label: `validate ${at}: bosoreport ÷ ajv-cli`,
        value: bo.time.median / ajv.time.median,
        unit: '×',
        target: TARGETS.ajvRatio[size] ?? null,
        detail: `bosoreport ${time(bo.time)}, ajv-cli ${time(ajv.time)}; ${runs}`,
        data: { bosoreportMs: bo.time, ajvCliMs: ajv.time },
      });
      figure({
        ...base,
        id: `validate-${kind}-${size}-script`,
        label: `validate ${at}: bosoreport ÷ js-yaml+ajv script`,
        value: bo.time.median / script.time.median,
        unit: '×',
        target: TARGETS.scriptRatio[size] ?? null,
        detail: `bosoreport ${time(bo.time)}, script ${time(script.time)}; ${runs}`,
        data: { bosoreportMs: bo.time, scriptMs: script.time },
      });
      figure({
        ...base,
        id: `validate-${kind}-${size}-rss`,
        label: `validate ${at}: peak RSS, bosoreport`,
        value: mb(Math.max(...bo.rssKiB)),
        unit: 'MB',
        detail: `highest of ${RUNS} run${RUNS === 1 ? '' : 's'} (${rssRange(bo.rssKiB)}); ajv-cli ${rssRange(ajv.rssKiB)}, script ${rssRange(script.rssKiB)}`,
        data: { bosoreportKiB: bo.rssKiB, ajvCliKiB: ajv.rssKiB, scriptKiB: script.rssKiB },
      });
      const a = agreement(c, { stdout: path.join(WORK, 'io/ajv-cli/stdout'), stderr: path.join(WORK, 'io/ajv-cli/stderr') }, { stdout: path.join(WORK, 'io/script/stdout') });
      figure({
        ...base,
        id: `validate-${kind}-${size}-agree`,
        label: `validate ${at}: same files fail the schema`,
        value: a.agree ?? null,
        unit: 'check',
        target: true,
        detail: a.detail,
        error: a.error,
        data: a.data,
      });
    }
  }
}

/** One command per format (or variant) on one corpus, interleaved: time, and peak RSS against its target. */
function solo(group, c, kind, size, variants, rssTarget) {
  const at = `(${kind}) ${n(size)}`;
  const r = interleave(
    variants.map((v) => v.cmd),
    { runs: SOLO_RUNS, label: `${group} ${at}`, each: true },
  );
  return variants.map((v, i) => {
    const id = `${group}-${v.id}-${kind}-${size}`;
    const label = `${v.label} ${at}: peak RSS`;
    const failed = r.problem ?? r.samples[i].problem;
    if (failed) return figure({ group, id, label, unit: 'MB', target: rssTarget, error: failed });
    const problem = v.after?.();
    const s = r.samples[i];
    const t = stats(s.ms);
    return figure({
      group,
      id,
      label,
      value: mb(Math.max(...s.rssKiB)),
      unit: 'MB',
      target: rssTarget,
      detail: `time ${time(t)}; RSS ${rssRange(s.rssKiB)} over ${SOLO_RUNS} run${SOLO_RUNS === 1 ? '' : 's'}${v.note ? `; ${v.note()}` : ''}`,
      error: problem,
      data: { ms: t, rssKiB: s.rssKiB, exit: [...new Set(s.status)] },
    });
  });
}

function rssGroup() {
  const { formats } = helpFormats('validate');
  for (const kind of KINDS) {
    const c = corpus(kind, LARGEST);
    const variants = formats.map((format) => {
      const out = path.join(WORK, `validate.${format}`);
      return {
        id: format,
        label: `validate -f ${format}`,
        cmd: {
          id: `validate-${format}`,
          name: `bosoreport validate -f ${format}`,
          argv: [BIN, 'validate', c.dir, '-f', format, '-o', out],
          ok: [0, 1],
          clean: out,
          check: nonEmpty(out),
        },
        after:
          format === 'json'
            ? () => {
                const seen = JSON.parse(readFileSync(out, 'utf8')).filer.length;
                return seen === c.files ? undefined : `the JSON lists ${seen} files of ${c.files}`;
              }
            : undefined,
      };
    });
    solo('rss', c, kind, LARGEST, variants, TARGETS.validateRss[LARGEST] ?? null);
  }
}

function fixGroup() {
  for (const size of HEAVY_SIZES)
    for (const kind of KINDS) {
      const c = corpus(kind, size);
      solo(
        'fix',
        c,
        kind,
        size,
        [
          {
            id: 'dry-run',
            label: 'fix --dry-run',
            cmd: { id: 'fix', name: 'bosoreport fix --dry-run', argv: [BIN, 'fix', c.dir, '--dry-run'], ok: [0, 1] },
            note: () => `${readFileSync(path.join(WORK, 'io/fix/stdout'), 'utf8').match(/^\+\+\+ /gm)?.length ?? 0} files in the diff`,
            after: () => {
              if (corpusIntact(c)) return undefined;
              discardCorpus(c); // regenerated on the next run
              corpora.delete(`${kind}-${size}`);
              return 'fix --dry-run changed the corpus';
            },
          },
        ],
        TARGETS.commandRss[size] ?? null,
      );
    }
}

function renderGroup() {
  for (const size of HEAVY_SIZES)
    for (const kind of KINDS) {
      const c = corpus(kind, size);
      const out = path.join(WORK, 'render');
      const written = () => countFiles(out, '.html');
      solo(
        'render',
        c,
        kind,
        size,
        [
          {
            id: 'html',
            label: 'render HTML',
            cmd: {
              id: 'render',
              name: 'bosoreport render',
              argv: [BIN, 'render', c.dir, '-d', out],
              ok: [0, 1],
              clean: out,
              check: () => (written() ? undefined : 'wrote no HTML'),
            },
            note: () => `${n(written())} HTML files written`,
          },
        ],
        TARGETS.commandRss[size] ?? null,
      );
      rmSync(out, { recursive: true, force: true });
    }
}

function summaryGroup() {
  const { formats } = helpFormats('summary');
  const EXT = { markdown: 'md' };
  const times = {};
  for (const size of HEAVY_SIZES)
    for (const kind of KINDS) {
      const c = corpus(kind, size);
      const variants = formats.map((format) => {
        const out = path.join(WORK, `summary.${EXT[format] ?? format}`);
        return {
          id: format,
          label: `summary -f ${format}`,
          cmd: {
            id: `summary-${format}`,
            name: `bosoreport summary -f ${format}`,
            // A summary of 10 000 reports is a PDF of about 900 pages or more: printing it takes longer
            // than the 60 s bound meant for one report, so the run gives it what its message advises.
            argv: [BIN, 'summary', c.dir, '-f', format, '-o', out, ...(format === 'pdf' ? ['--timeout', '600'] : [])],
            ok: [0, 1],
            clean: out,
            check: nonEmpty(out),
          },
          note: format === 'pdf' ? () => 'the browser not counted; --timeout 600' : undefined,
        };
      });
      for (const f of solo('summary', c, kind, size, variants, TARGETS.commandRss[size] ?? null)) if (!f.failed) times[`${f.id}`] = f.data.ms.median;
    }
  if (HEAVY_SIZES.length < 2) return;
  const [small, large] = [HEAVY_SIZES.at(-2), LARGEST];
  for (const kind of KINDS)
    for (const format of formats) {
      const [a, b] = [times[`summary-${format}-${kind}-${small}`], times[`summary-${format}-${kind}-${large}`]];
      const target = small === 1000 && large === 10000 ? TARGETS.summaryGrowth : null;
      const label = `summary -f ${format} (${kind}): time ${n(large)} ÷ ${n(small)}`;
      const id = `summary-growth-${format}-${kind}`;
      if (a === undefined || b === undefined) figure({ group: 'summary', id, label, unit: '×', target, error: 'a run it depends on failed' });
      else figure({ group: 'summary', id, label, value: b / a, unit: '×', target, detail: `medians ${(b / 1000).toFixed(2)} s and ${(a / 1000).toFixed(2)} s` });
    }
}

function startupGroup() {
  const cmds = [
    { id: 'node', name: 'node -e 0', argv: ['-e', '0'], ok: [0] },
    {
      id: 'version',
      name: 'bosoreport --version',
      argv: [BIN, '--version'],
      ok: [0],
      check: ({ stdout }) => (readFileSync(stdout, 'utf8').trim() ? undefined : 'printed no version'),
    },
    { id: 'one', name: 'bosoreport validate (one report)', argv: [BIN, 'validate', EXAMPLE], ok: [0, 1] },
  ];
  const r = interleave(cmds, { runs: STARTUP_RUNS, rss: false, label: 'start-up' });
  const group = 'startup';
  if (r.problem) {
    figure({ group, id: 'startup-validate-one', label: 'start-up: validate one report − node -e 0', unit: 'ms', target: TARGETS.startupMs, error: r.problem });
    return;
  }
  const [node, version, one] = r.samples.map((s) => s.ms);
  const paired = (xs) => stats(xs.map((x, i) => x - node[i]));
  const runs = `${STARTUP_RUNS} rounds interleaved`;
  figure({ group, id: 'startup-node', label: 'start-up: node -e 0', value: stats(node).median, unit: 'ms', detail: `${time(stats(node))}; ${runs}`, data: { ms: stats(node) } });
  const v = paired(version);
  figure({
    group,
    id: 'startup-version',
    label: 'start-up: bosoreport --version − node -e 0',
    value: v.median,
    unit: 'ms',
    detail: `per round ${v.min.toFixed(0)}–${v.max.toFixed(0)} ms; --version ${time(stats(version))}`,
    data: { ms: stats(version), minusNode: v },
  });
  const o = paired(one);
  figure({
    group,
    id: 'startup-validate-one',
    label: 'start-up: validate one report − node -e 0',
    value: o.median,
    unit: 'ms',
    target: TARGETS.startupMs,
    detail: `per round ${o.min.toFixed(0)}–${o.max.toFixed(0)} ms; validate ${time(stats(one))}`,
    data: { ms: stats(one), minusNode: o },
  });
}

/** Whether bench/pdf-floor.mjs still launches and prints as src/render/pdf.ts does, and with render's default --jobs. */
function floorDrift() {
  const problems = [];
  const src = readFileSync(path.join(ROOT, 'src/render/pdf.ts'), 'utf8');
  // The flags live with the code that starts the browser; the page policy and print options in pdf.ts.
  const launch = /function launchArgs\(\)[\s\S]*?\n\}/.exec(readFileSync(path.join(ROOT, 'src/render/chromium.ts'), 'utf8'))?.[0] ?? '';
  const flags = new Set(launch.match(/'--[^']+'/g)?.map((s) => s.slice(1, -1)) ?? []);
  flags.delete('--no-sandbox'); // added for root, in both
  const ours = new Set(LAUNCH_ARGS);
  const missing = [...flags].filter((f) => !ours.has(f));
  const extra = [...ours].filter((f) => !flags.has(f));
  if (!flags.size) problems.push('launchArgs() not found in src/render/chromium.ts');
  if (missing.length || extra.length) problems.push(`launch flags differ (chromium.ts has ${missing.join(' ') || 'none more'}; the floor has ${extra.join(' ') || 'none more'})`);
  const pdfCall = /const PRINT = \{([^}]*)\}/.exec(src)?.[1] ?? '';
  const options = Object.fromEntries(
    pdfCall
      .split(',')
      .map((p) => p.split(':').map((s) => s.trim()))
      .filter(([k]) => k && k !== 'timeout'),
  );
  const floorOptions = Object.fromEntries(Object.entries(PDF_OPTIONS).map(([k, v]) => [k, typeof v === 'string' ? `'${v}'` : String(v)]));
  if (JSON.stringify(Object.entries(options).sort()) !== JSON.stringify(Object.entries(floorOptions).sort()))
    problems.push(`print options differ: pdf.ts PRINT {${pdfCall.trim()}}`);
  for (const policy of ['setJavaScriptEnabled(false)', 'setRequestInterception(true)', "emulateMediaType('print')", "waitUntil: 'load'", "url.startsWith('data:')"])
    if (!src.includes(policy)) problems.push(`pdf.ts no longer has ${policy}`);
  const help = runOnce({ id: 'help-render', name: 'render --help', argv: [BIN, 'render', '--help'], ok: [0] }, { rss: false });
  const jobs = /--jobs <n>[\s\S]*?\(default: "(\d+)"\)/.exec(help.problem ? '' : readFileSync(help.stdout, 'utf8'))?.[1];
  if (!jobs) problems.push('no default --jobs in render --help');
  return { problems, jobs: Number(jobs ?? 2) };
}

function pdfGroup() {
  const group = 'pdf';
  const { problems, jobs } = floorDrift();
  figure({
    group,
    id: 'pdf-floor-policy',
    label: 'PDF: floor launches and prints as pdf.ts does',
    value: problems.length === 0,
    unit: 'check',
    target: true,
    detail: problems.length ? problems.join('; ') : `${LAUNCH_ARGS.length} flags, same page policy and print options, ${jobs} pages at a time`,
  });
  // Unpack the bundled browser (if that is the one) outside the timings.
  const doctor = runOnce({ id: 'doctor', name: 'bosoreport doctor', argv: [BIN, 'doctor'], ok: [0] }, { rss: false });
  const examples = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => path.join(ROOT, 'examples', f));
  const htmlDir = path.join(WORK, 'pdf-html');
  // The floor prints the HTML bosoreport itself writes for each example.
  const html = runOnce({ id: 'pdf-html', name: 'bosoreport render (HTML for the floor)', argv: [BIN, 'render', ...examples, '-d', htmlDir], ok: [0, 1] }, { rss: false });
  const htmlOf = (yaml) => path.join(htmlDir, `${path.basename(yaml, '.yaml')}.html`);
  const setupProblem = doctor.problem ?? html.problem ?? examples.map(htmlOf).find((f) => !existsSync(f));
  for (const [id, label, files, target] of [
    ['pdf-one', 'PDF: one report ÷ floor', [EXAMPLE], TARGETS.pdfOne],
    ['pdf-examples', `PDF: the ${examples.length} examples ÷ floor`, examples, TARGETS.pdfExamples],
  ]) {
    if (setupProblem) {
      figure({ group, id, label, unit: '×', target, error: setupProblem.includes(':') ? setupProblem : `no HTML at ${setupProblem}` });
      continue;
    }
    const [boOut, floorOut] = [path.join(WORK, `${id}-bosoreport`), path.join(WORK, `${id}-floor`)];
    const pdfs = (dir) => () => (countFiles(dir, '.pdf') === files.length ? undefined : `${countFiles(dir, '.pdf')} PDFs of ${files.length}`);
    const r = interleave(
      [
        {
          id: `${id}-bosoreport`,
          name: 'bosoreport render --pdf',
          argv: [BIN, 'render', ...files, '--pdf', '--no-html', '-d', boOut],
          ok: [0, 1],
          clean: boOut,
          check: pdfs(boOut),
        },
        { id: `${id}-floor`, name: 'PDF floor', argv: [FLOOR, floorOut, String(jobs), ...files.map(htmlOf)], ok: [0], clean: floorOut, check: pdfs(floorOut) },
      ],
      { label },
    );
    if (r.problem) {
      figure({ group, id, label, unit: '×', target, error: r.problem });
      continue;
    }
    const [bo, floor] = r.samples.map((s) => stats(s.ms));
    figure({
      group,
      id,
      label,
      value: bo.median / floor.median,
      unit: '×',
      target,
      detail: `bosoreport ${time(bo)}, floor ${time(floor)} (launch, print, close; whole processes); ${RUNS} runs interleaved`,
      data: { bosoreportMs: bo, floorMs: floor, bosoreportRssKiB: r.samples[0].rssKiB, floorRssKiB: r.samples[1].rssKiB },
    });
  }
}

// ---- the run -----------------------------------------------------------------------------------
const started = Date.now();
try {
  process.stdout.write(
    `bosoreport ${results.code.bosoreport} (${results.code.commit ?? 'no git'}) on ${results.machine.cpus} × ${results.machine.cpu}, Node ${process.version}; load ${results.machine.loadAverageAtStart.join(' ')}\n` +
      `runs ${RUNS} compared, ${SOLO_RUNS} solo (+${WARMUP} warm-up), sizes ${SIZES.map(n).join(' ')}, groups ${ONLY.join(',')}, corpora ${KINDS.join(',')} (generator ${corpusKey(ROOT)})\n` +
      `peers: ${results.peers.ajvCli}; ${results.peers.script}\n`,
  );
  prepareSchema();
  const run = { validate: validateGroup, rss: rssGroup, fix: fixGroup, render: renderGroup, summary: summaryGroup, startup: startupGroup, pdf: pdfGroup };
  for (const group of GROUPS.filter((g) => ONLY.includes(g))) {
    try {
      run[group]();
    } catch (error) {
      figure({ group, id: `${group}-harness`, label: `${group}: harness`, unit: 'check', error: error.message });
    }
  }
} finally {
  rmSync(WORK, { recursive: true, force: true });
}
results.machine.loadAverageAtEnd = os.loadavg().map((l) => Number(l.toFixed(2)));
results.seconds = Math.round((Date.now() - started) / 1000);
// Arrays of numbers (the runs) on one line each.
const json = JSON.stringify(results, null, 2).replace(/\[\s+(-?[\d.]+(?:,\s+-?[\d.]+)*)\s+\]/g, (_, inner) => `[${inner.split(/,\s+/).join(', ')}]`);
writeFileSync(path.join(ROOT, 'bench/results.json'), `${json}\n`);
writeTable(ROOT);
const counted = results.figures.filter((f) => f.met !== null);
process.stdout.write(
  `${counted.filter((f) => f.met).length} of ${counted.length} targets met${failures ? `, ${failures} FAILED` : ''}; ${results.seconds} s; load ${results.machine.loadAverageAtEnd.join(' ')}; wrote bench/results.json and docs/performance.md\n`,
);
process.exitCode = failures ? 1 : 0;
