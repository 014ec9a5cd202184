import { statSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { ruleCatalog } from '../cross/catalog.js';
import { runCrossRules, type CrossInput } from '../cross/run.js';
import type { Diagnostic } from '../diagnostics.js';
import { BosoreportError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE } from '../errors.js';
import { builtinForms, type FormRegistry } from '../forms/registry.js';
import { LIMITS } from '../load/limits.js';
import { t, type Lang } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { closest } from '../util/similar.js';
import { checkOne, ioDiagnostic, release, type CheckedFile, type CheckJob, type Extract } from './check-one.js';
import { Outcomes } from './outcomes.js';
import { Spool } from './spool.js';
import { ConfigResolver, type RuleConfig } from './config.js';
import { display, expandInputs } from './inputs.js';
import { mentionsAny, neighboursOf, repositoryRoot } from './neighbours.js';
import { readReportFile } from '../load/read.js';
import { FolderIndex } from '../util/folder-index.js';

export type { CheckedFile, Extract } from './check-one.js';

/**
 * V8 learns that the objects a report's parse makes outlive a young-generation collection (a report
 * is being checked when it comes) and then allocates them straight in the old generation, where
 * they stay until a full collection: 500 MB went that way in a run over 10 000 reports, and the
 * peak was the garbage, not what was kept (20 MB). Without that guess they die young (50 MB): the
 * peak fell from about 205 MB to 160 MB at no cost in time. A full collection forced every thousand
 * files, which this replaces, cost 1.7 s of CPU on the same run. Set once, for the first batch of
 * at least `BATCH` files (a process that checks a report now and then keeps V8's own ways).
 */
const BATCH = 100;
let tuned = false;
function tuneHeap(): void {
  if (tuned) return;
  tuned = true;
  try {
    // node:v8 is asked for here: loading it with every start cost 1.5 ms.
    process.getBuiltinModule('node:v8').setFlagsFromString('--no-allocation-site-pretenuring');
  } catch {
    // Only memory, never the results, depends on it.
  }
}

let collect: (() => void) | null | undefined;
/**
 * A full collection now, for render, which goes through a large batch itself and leaves a few
 * hundred kB of page behind per report. (--expose-gc is set only when it is first asked for.)
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      process.getBuiltinModule('node:v8').setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

/** A config's problems as one outcome per file: a broken form folder's problems are in its own files. */
export function byFile(diagnostics: readonly Diagnostic[], cwd: string): { file: string; diagnostics: Diagnostic[] }[] {
  const files = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const file = path.isAbsolute(d.file) ? display(cwd, d.file) : d.file;
    files.set(file, [...(files.get(file) ?? []), { ...d, file }]);
  }
  return [...files].map(([file, list]) => ({ file, diagnostics: list }));
}

/** What a report read from standard input is called in messages. */
export const STDIN_NAME = '<stdin>';

export interface CheckOptions {
  /** The folder relative paths are read from and shown against. */
  cwd: string;
  /** The language of the messages. */
  lang: Lang;
  /** Rule levels from the command line; they win over the nearest `.bosoreport.yaml`. */
  rules?: Readonly<Record<string, SeveritySetting>>;
  /** Standard input, read whole, for a path given as «-». */
  stdin?: () => Promise<Uint8Array>;
  /** Text to check in place of a file's own, by the path as given (an editor's unsaved text). */
  sources?: ReadonlyMap<string, Uint8Array>;
  /** Keep each report's whole result (data, figures, parse, bytes), for the commands that render or compute. */
  keep?: boolean;
  /** What to keep of each result when the whole is not kept (the overview's figures). */
  extract?: Extract;
  /**
   * The other reports of the repository (the `rapporter/` folder the report sits in, or else the
   * folder of its `.bosoreport.yaml`) take part in the checks across reports, so one report
   * given alone is held against last year's and against its copies as in a run over the whole
   * repository. On by default.
   */
  neighbours?: boolean;
  /** Count, for each file given, the findings `fix` would mend. */
  countFixable?: boolean;
  /** Called as files are checked, for a progress line on a terminal. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Called with each file given once it is checked on its own (the checks across reports come after
   * the last), and awaited: render starts its browser at the first report it can print, and lets it
   * start up between reports.
   */
  onChecked?: (file: CheckedFile) => void | Promise<void>;
}

export interface CheckRun {
  /** Every file given, in order, each with all its findings, those across reports included. */
  files: CheckedFile[];
  /** A usage or I/O problem happened (missing file, unmatched pattern, unreadable file, bad config). */
  usageFailed: boolean;
  /** A config or a form folder it names is broken: its reports were not checked. */
  configFailed: boolean;
  /** 0 no errors, 1 a report has errors, 2 a usage or I/O problem: the same for every command. */
  exitCode: number;
}

/** Whether a file's findings include an error: such a report is not rendered, and the run exits 1. */
export function hasErrors(file: { diagnostics: readonly Diagnostic[] }): boolean {
  return file.diagnostics.some((d) => d.severity === 'error');
}

/** The exit code every command gives for a set of checked files. */
export function exitCodeOf(run: Pick<CheckRun, 'usageFailed' | 'files'>): number {
  if (run.usageFailed) return EXIT_USAGE;
  return run.files.some(hasErrors) ? EXIT_PROBLEMS : EXIT_CLEAN;
}

/** Standard input, whole, with the same size limit as a file. */
async function readStdin(options: CheckOptions): Promise<Uint8Array> {
  if (!options.stdin) throw new BosoreportError(t(options.lang, 'usage/no-stdin'), EXIT_USAGE);
  const bytes = await options.stdin();
  if (bytes.length > LIMITS.maxFileBytes) throw new BosoreportError(t(options.lang, 'usage/stdin-too-large', { limit: LIMITS.maxFileBytes }), EXIT_USAGE);
  return bytes;
}

export interface StreamOptions extends CheckOptions {
  /**
   * Called with each file given right after its check, its whole result at hand (as with `keep`);
   * text returned is checked in place of the file's, and that check is the file's outcome (what
   * `fix` would write). The result is let go once it returns.
   */
  revise?: (file: CheckedFile) => Promise<Uint8Array | undefined> | Uint8Array | undefined;
}

/** A run whose files are read back one at a time, so that no more than one file's findings is in memory at once. */
export interface CheckStream extends Omit<CheckRun, 'files'> {
  /** How many files the run shows (config problems, paths that are not there, reports). */
  size: number;
  /**
   * Each file given, in order, with all its findings (those across reports included), read afresh
   * on each call: iterate as often as a format needs. `only` skips files by name before their
   * findings are read.
   */
  files(only?: (file: string) => boolean): Generator<CheckedFile>;
  /** Every file's name, in order. */
  names(): string[];
  /** The folders the run listed, for a command that looks for more in them (validate's baselines). */
  folders: FolderIndex;
  /** Lets go of the findings kept on disk. */
  close(): void;
}

/**
 * The engine every command asks: expands the paths, reads and checks every file (schema, then
 * rules), runs the checks across reports with the repository's other reports as context, and
 * returns every file's findings with the exit code. It prints nothing; the commands format.
 */
export async function checkReports(paths: readonly string[], options: CheckOptions): Promise<CheckRun> {
  const run = await checkAll(paths, options, undefined);
  const files = [...run.files()];
  run.close();
  return { files, usageFailed: run.usageFailed, configFailed: run.configFailed, exitCode: run.exitCode };
}

/**
 * `checkReports` for a batch of any size: each file's findings go to a file in the temporary folder
 * as its check ends, and what a run holds until the end is a small record per file and the facts the
 * checks across reports compare. `keep` keeps every result in memory, as `checkReports` does.
 */
export function streamReports(paths: readonly string[], options: StreamOptions): Promise<CheckStream> {
  return checkAll(paths, options, options.keep ? undefined : { findings: new Spool(), texts: new Spool() });
}

async function checkAll(paths: readonly string[], options: StreamOptions, spools: { findings: Spool; texts: Spool } | undefined): Promise<CheckStream> {
  const { cwd, lang } = options;
  const ruleOptions = options.rules ?? {};
  // «-» is standard input, once, named <stdin> in messages; its config is the working folder's.
  if (paths.filter((p) => p === '-').length > 1) throw new BosoreportError(t(lang, 'usage/stdin-twice'), EXIT_USAGE);
  const stdinBytes = paths.includes('-') ? await readStdin(options) : undefined;
  const inputs = await expandInputs(
    paths.filter((p) => p !== '-'),
    cwd,
  );
  let usageFailed = inputs.problems.length > 0;
  // One listing per folder for every lookup that walks up from a report (config, modeline, baseline).
  const folders = new FolderIndex();
  const configs = new ConfigResolver(cwd, lang, folders);

  const jobs: CheckJob[] = [];
  const types = new Set((await builtinForms()).types());
  const knownRules = new Set(ruleCatalog(await builtinForms()).map((e) => e.rule.id));
  const seen = new Set<FormRegistry>();
  // The configs of the files given: their problems are reported; a neighbour's never are.
  const inputConfigs = new Set<RuleConfig>();
  // One object of rule levels per config, not one per file.
  const levels = new Map<RuleConfig, Record<string, SeveritySetting>>();
  const jobFor = async (file: string, input: boolean): Promise<CheckJob | undefined> => {
    const config = await configs.forReport(file === STDIN_NAME ? path.join(cwd, 'stdin.yaml') : file);
    if (input) inputConfigs.add(config);
    // Once per set of forms (one per config), not once per file: a batch has thousands of files.
    if (!seen.has(config.forms)) {
      seen.add(config.forms);
      for (const type of config.forms.types()) types.add(type);
      for (const e of ruleCatalog(config.forms)) knownRules.add(e.rule.id);
    }
    // A report under a broken config is not checked: the forms or levels it needs are not known.
    if (config.diagnostics.length > 0) return undefined;
    const bytes = options.sources?.get(file) ?? (file === STDIN_NAME ? stdinBytes : undefined);
    let rules = levels.get(config);
    if (!rules) levels.set(config, (rules = { ...config.rules, ...ruleOptions }));
    return {
      file,
      rules,
      forms: config.forms,
      folders,
      ...(config.folder ? { configFolder: config.folder } : {}),
      ...(bytes ? { bytes, inMemory: true } : {}),
      ...(input && options.countFixable ? { countFixable: true } : {}),
    };
  };
  for (const file of stdinBytes ? [STDIN_NAME, ...inputs.files] : inputs.files) {
    const job = await jobFor(file, true);
    if (job) jobs.push(job);
  }
  for (const id of Object.keys(ruleOptions)) {
    if (!knownRules.has(id)) throw new BosoreportError(t(lang, 'usage/unknown-rule', { id, suggestion: closest(id, [...knownRules]) ?? '' }), EXIT_USAGE);
  }

  const outcomes = new Outcomes(spools?.findings);
  // A broken config's problems come first (the last config found first), then the paths that are not there.
  const configProblems: CheckedFile[] = [];
  let configFailed = false;
  for (const config of inputConfigs) {
    if (config.diagnostics.length === 0) continue;
    usageFailed = configFailed = true;
    configProblems.unshift(...byFile(config.diagnostics, cwd));
  }
  for (const f of configProblems) outcomes.add(f);
  for (const p of inputs.problems) outcomes.add({ file: p.path, diagnostics: [ioDiagnostic(lang, p.ruleId, p.path, p.reason)] });

  // What the checks across reports need of each file given, by its place among the outcomes.
  const across: (CrossInput & { at?: number })[] = [];
  if (jobs.length >= BATCH) tuneHeap();
  const keep = options.keep ?? false;
  for (const [i, job] of jobs.entries()) {
    options.onProgress?.(i, jobs.length);
    let checked = checkOne(cwd, lang, job, keep || options.revise !== undefined, options.extract, spools?.texts);
    if (options.revise) {
      const revised = await options.revise(checked);
      if (revised) checked = checkOne(cwd, lang, { ...job, bytes: revised, inMemory: true }, keep, options.extract, spools?.texts);
      else if (!keep) checked = release(checked, cwd, lang, job, spools?.texts);
    }
    if (checked.ioFailed) usageFailed = true;
    const at = outcomes.add(checked);
    if (checked.facts) across.push({ ...crossPart(checked), at });
    const waiting = options.onChecked?.(checked);
    if (waiting) await waiting;
  }
  // Not needed past this point, and a batch's jobs may hold texts given in memory.
  const roots = new Set(
    jobs.map((j) => repositoryRoot(path.resolve(cwd, j.file === STDIN_NAME ? 'stdin.yaml' : j.file), j.configFolder)).filter((r): r is string => r !== undefined),
  );
  jobs.length = 0;

  // The repository's other reports, checked only for what the checks across reports compare.
  // Every check across reports compares reports of one municipality, so only a neighbour that names
  // a municipality of the inputs can matter; the text is searched for it before anything is parsed,
  // which keeps one report in a repository of thousands (a save in preview) from parsing them all.
  const municipalities = [...new Set(across.map((f) => f.facts?.kommuneKey).filter((k): k is string => Boolean(k)))];
  if (options.neighbours !== false && municipalities.length > 0) {
    // A repository inside a folder given on the command line is checked whole already (the CI run).
    const givenFolders = paths
      .filter((p) => p !== '-')
      .map((p) => path.resolve(cwd, p))
      .filter(isFolder);
    for (const root of roots) if (givenFolders.some((g) => root === g || root.startsWith(g + path.sep))) roots.delete(root);
    const neighbours = await neighboursOf(roots, inputs.files, cwd);
    if (neighbours.length >= BATCH) tuneHeap();
    for (const file of neighbours) {
      const read = readReportFile(cwd, file);
      if (read.kind !== 'bytes' || !mentionsAny(new TextDecoder().decode(read.bytes), municipalities)) continue;
      const job = await jobFor(file, false);
      // Kept no more than a batch keeps of a report: the facts, and positions read again if asked for.
      if (job) across.push(crossPart(checkOne(cwd, lang, { ...job, bytes: read.bytes }, false)));
    }
  }
  for (const [input, found] of runCrossRules(across, lang, { types: [...types], cwd })) if (input.at !== undefined) outcomes.addAcross(input.at, found);

  const exitCode = usageFailed ? EXIT_USAGE : outcomes.anyErrors ? EXIT_PROBLEMS : EXIT_CLEAN;
  return {
    usageFailed,
    configFailed,
    exitCode,
    size: outcomes.size,
    files: (only) => outcomes.read(only),
    names: () => outcomes.names(),
    folders,
    close: () => {
      spools?.findings.close();
      spools?.texts.close();
    },
  };
}

/** What the checks across reports need of a checked file. */
function crossPart(f: CheckedFile): CrossInput {
  return {
    file: f.file,
    ...(f.facts ? { facts: f.facts } : {}),
    ...(f.positions ? { positions: f.positions } : {}),
    ...(f.noted ? { noted: f.noted } : {}),
    ...(f.rules ? { rules: f.rules } : {}),
  };
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
