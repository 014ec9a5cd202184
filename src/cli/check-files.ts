import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ruleCatalog } from '../cross/catalog.js';
import type { Diagnostic } from '../diagnostics.js';
import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { builtinForms, type FormRegistry } from '../forms/registry.js';
import { t } from '../messages/index.js';
import { closest } from '../util/similar.js';
import type { SeveritySetting } from '../rules/types.js';
import { checkOne, ioDiagnostic, type CheckedFile, type Extract } from './check-one.js';
import { ConfigResolver } from './config.js';
import { wantsProgress, type CommandContext } from './context.js';
import { display, expandInputs } from './inputs.js';
import { LIMITS } from '../load/limits.js';

export type { CheckedFile } from './check-one.js';

/**
 * In a batch of thousands of reports V8 lets the heap grow far past what is alive: at 10 000
 * reports the peak was about 245 MB while less than 80 MB was live (the run passes with
 * --max-old-space-size=80), since each report leaves its text and parse behind as garbage. A full
 * collection every thousand files keeps the peak near 190-195 MB; it costs time (7.5 s instead of
 * 6.3 s for 10 000 reports on the benchmark machine), and a batch below a thousand never pays it.
 * (--expose-gc is set only when a batch is that large.)
 */
const COLLECT_EVERY = 1000;
let collect: (() => void) | null | undefined;
function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  } catch {
    collect = null;
  }
  return collect;
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

/** Standard input, whole, with the same size limit as a file. */
async function readStdin(ctx: CommandContext): Promise<Uint8Array> {
  const { io, lang } = ctx;
  if (!io.stdin) throw new BosoreportError(t(lang, 'usage/no-stdin'), EXIT_USAGE);
  const bytes = await io.stdin();
  if (bytes.length > LIMITS.maxFileBytes) throw new BosoreportError(t(lang, 'usage/stdin-too-large', { limit: LIMITS.maxFileBytes }), EXIT_USAGE);
  return bytes;
}

export interface Checked {
  files: CheckedFile[];
  /** A usage or I/O problem happened (missing file, unmatched pattern, unreadable file, bad config): exit 2. */
  usageFailed: boolean;
  /** A config or a form folder it names is broken: its reports were not checked, and nothing is rendered. */
  configFailed: boolean;
  /** Every report type of the forms in use, for the checks across reports. */
  types: string[];
}

/**
 * Expands the paths and checks every file found, continuing past failures. Rule severities come from
 * the nearest `.bosoreport.yaml`, then from `--rule` options, which win.
 */
export async function checkFiles(paths: readonly string[], ctx: CommandContext, ruleOptions: Readonly<Record<string, SeveritySetting>> = {}, options: { keep?: boolean; extract?: Extract } = {}): Promise<Checked> {
  const { io, lang } = ctx;
  // «-» is standard input, once, named <stdin> in messages; its config is the working folder's.
  const fromStdin = paths.includes('-');
  if (paths.filter((p) => p === '-').length > 1) throw new BosoreportError(t(lang, 'usage/stdin-twice'), EXIT_USAGE);
  const stdinBytes = fromStdin ? await readStdin(ctx) : undefined;
  const inputs = await expandInputs(paths.filter((p) => p !== '-'), io.cwd);
  const files: CheckedFile[] = inputs.problems.map((p) => ({ file: p.path, diagnostics: [ioDiagnostic(lang, p.ruleId, p.path, p.reason)] }));
  let usageFailed = inputs.problems.length > 0;
  const configs = new ConfigResolver(io.cwd, lang);
  const progress = wantsProgress(io) && inputs.files.length > 1;

  const jobs = [];
  const types = new Set((await builtinForms()).types());
  const knownRules = new Set(ruleCatalog(await builtinForms()).map((e) => e.rule.id));
  const seen = new Set<FormRegistry>();
  for (const file of stdinBytes ? [STDIN_NAME, ...inputs.files] : inputs.files) {
    const config = await configs.forReport(file === STDIN_NAME ? path.join(io.cwd, 'stdin.yaml') : file);
    // Once per set of forms (one per config), not once per file: a batch has thousands of files.
    if (!seen.has(config.forms)) {
      seen.add(config.forms);
      for (const type of config.forms.types()) types.add(type);
      for (const e of ruleCatalog(config.forms)) knownRules.add(e.rule.id);
    }
    // A report under a broken config is not checked: the forms or levels it needs are not known.
    if (config.diagnostics.length === 0) jobs.push({ file, rules: { ...config.rules, ...ruleOptions }, forms: config.forms, ...(file === STDIN_NAME && stdinBytes ? { bytes: stdinBytes } : {}) });
  }
  for (const id of Object.keys(ruleOptions)) {
    if (!knownRules.has(id)) throw new BosoreportError(t(lang, 'usage/unknown-rule', { id, suggestion: closest(id, [...knownRules]) ?? '' }), EXIT_USAGE);
  }
  let shown = 0;
  const onProgress = (done: number) => {
    // A few updates a second are enough to see it move; one per file would flood a slow terminal.
    if (Date.now() - shown < 100) return;
    shown = Date.now();
    io.stderr.write(`\r${t(lang, 'progress', { done, total: jobs.length })}`);
  };
  for (const [i, job] of jobs.entries()) {
    if (progress) onProgress(i);
    if (i > 0 && i % COLLECT_EVERY === 0) collector()?.();
    const checked = checkOne(io.cwd, lang, job, options.keep ?? true, options.extract);
    if (checked.ioFailed) usageFailed = true;
    files.push(checked);
  }
  if (progress) io.stderr.write('\r\x1b[K');

  let configFailed = false;
  for (const config of await configs.all()) {
    if (config.diagnostics.length === 0) continue;
    usageFailed = configFailed = true;
    files.unshift(...byFile(config.diagnostics, io.cwd));
  }
  return { files, usageFailed, configFailed, types: [...types] };
}
