import type { Diagnostic } from '../diagnostics.js';
import { byPosition, diagnostic, FILE_START, NO_POSITION } from '../diagnostics.js';
import { LIMITS } from '../load/limits.js';
import { loadProblem, parseReport, type ParsedReport } from '../load/parse.js';
import { factsOf, identityOf, type ReportFacts } from '../cross/rules.js';
import type { FormRegistry } from '../forms/registry.js';
import { words, type Lang, type MessageCode } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { validateSource, type ValidationResult } from '../validate/validate.js';
import type { FileOutcome } from './types.js';
import { readReportFile } from '../load/read.js';
import { fixableCount } from '../fix/count.js';
import { modelineDiagnostics } from './modeline.js';
import { notedPaths, type NotedSpan } from '../cross/run.js';
import type { Spool } from './spool.js';
import { forgetReport } from '../util/last-one.js';
import type { FolderIndex } from '../util/folder-index.js';

/** One file to check, with the rule levels in force for it. */
export interface CheckJob {
  file: string;
  rules: Record<string, SeveritySetting>;
  forms: FormRegistry;
  /** The report's bytes when they are at hand: read already, or not from `file` at all. */
  bytes?: Uint8Array;
  /** The bytes came from standard input or a caller (fix's text as fixed), not from `file`: they cannot be read again. */
  inMemory?: boolean;
  /** The folder of the `.bosoreport.yaml` in force for the report, if any. */
  configFolder?: string;
  /** Count the findings `fix` would mend (validate says so at the end). */
  countFixable?: boolean;
  /** The run's listing of folders, shared by its reports' lookups up the tree. */
  folders?: FolderIndex;
}

export interface CheckedFile extends FileOutcome {
  /** The whole result, kept only when the command asked for it (render, compute, init). */
  result?: ValidationResult;
  /** What the cross-report rules compare, for schema-valid reports. */
  facts?: ReportFacts;
  /** Positions in the report, for a cross-report finding; parsed again from the file if not kept. */
  positions?: () => ParsedReport | undefined;
  /** Where the values most cross-report findings point at stand, noted while the parse was at hand. */
  noted?: NotedSpan[];
  /** The bytes read, kept with the result (fix keeps a byte-order mark it finds). */
  bytes?: Uint8Array;
  /** The rule levels in force, for the checks across reports. */
  rules?: Record<string, SeveritySetting>;
  /** The forms the report may name, for formatters that describe a rule. */
  forms?: FormRegistry;
  /** The file could not be read at all: a usage or I/O problem (exit 2), not a report problem. */
  ioFailed?: boolean;
  /** What the command asked to keep of the result (the summary's figures), when it kept no more. */
  extract?: unknown;
}

/** Reads what a command needs of a result while it is at hand, so the result itself need not be kept. */
export type Extract = (result: ValidationResult) => unknown;

export function ioDiagnostic(lang: Lang, ruleId: MessageCode, path: string, reason?: string): Diagnostic {
  return diagnostic(path, NO_POSITION, 'error', ruleId, words(lang, ruleId, { path, pattern: path, reason: reason ?? '', limit: LIMITS.maxFiles }));
}

/**
 * Positions for a report whose parse was not kept: read and parsed again when a check across reports
 * points into it. Not kept once read: the caller asks once per report and lets the parse go.
 */
function positionsOnDemand(cwd: string, file: string, lang: Lang): () => ParsedReport | undefined {
  return () => {
    const read = readReportFile(cwd, file);
    return read.kind === 'bytes' ? parseReport(file, read.bytes, lang).report : undefined;
  };
}

/** Positions in text that is not in a file (standard input, what fix would write), kept on disk meanwhile. */
function positionsFromSpool(spool: Spool, file: string, bytes: Uint8Array, lang: Lang): () => ParsedReport | undefined {
  const record = spool.put(bytes);
  return () => parseReport(file, spool.get(record), lang).report;
}

/** Where to find positions later for a report whose parse is let go, if a check across reports may point into it. */
function positionsLater(
  cwd: string,
  lang: Lang,
  job: CheckJob,
  bytes: Uint8Array | undefined,
  spool: Spool | undefined,
  facts: boolean,
): (() => ParsedReport | undefined) | undefined {
  // Only a report with facts takes part in the checks across reports.
  if (!facts) return undefined;
  if (!job.inMemory) return positionsOnDemand(cwd, job.file, lang);
  return spool && bytes ? positionsFromSpool(spool, job.file, bytes, lang) : undefined;
}

/**
 * A checked report without its result and bytes, once the command has read what it needs of them;
 * text that is not in a file is kept on disk for positions. Without a spool such text stays whole.
 */
export function release(checked: CheckedFile, cwd: string, lang: Lang, job: CheckJob, spool: Spool | undefined): CheckedFile {
  if (job.inMemory && !spool) return checked;
  const { result: _result, bytes, positions: _positions, ...rest } = checked;
  const positions = positionsLater(cwd, lang, job, bytes, spool, rest.facts !== undefined);
  return positions ? { ...rest, positions } : rest;
}

/**
 * Reads and checks one report. With `keep`, the whole result and the bytes stay with it; without,
 * only the diagnostics and the cross-report facts do, which is what a large `validate` batch needs.
 */
export function checkOne(cwd: string, lang: Lang, job: CheckJob, keep: boolean, extract?: Extract, spool?: Spool): CheckedFile {
  const { file, rules, forms } = job;
  const read = job.bytes ? { kind: 'bytes' as const, bytes: job.bytes } : readReportFile(cwd, file);
  // Text that cannot be read again from the file for positions later, and no spool to keep it in: keep what was parsed.
  if (job.inMemory && !spool) keep = true;
  if (read.kind === 'missing' || read.kind === 'unreadable') {
    const ruleId = read.kind === 'missing' ? 'io/not-found' : 'io/unreadable';
    return { file, ioFailed: true, diagnostics: [ioDiagnostic(lang, ruleId, file, read.kind === 'unreadable' ? read.reason : undefined)] };
  }
  if (read.kind === 'too-large') {
    return { file, diagnostics: [loadProblem(file, FILE_START, lang, 'load/too-large', { size: read.size, limit: LIMITS.maxFileBytes })] };
  }
  const result = validateSource(file, read.bytes, { lang, rules, forms });
  // The file's own place on disk, which validateSource (pure) does not look at.
  const modeline = modelineDiagnostics(cwd, file, result, rules, lang, job.folders);
  if (modeline.length) result.diagnostics = [...result.diagnostics, ...modeline].sort(byPosition);
  const checked: CheckedFile = {
    file,
    diagnostics: result.diagnostics,
    rules,
    forms,
    ...(result.form ? { formTitle: result.form.title[lang], formId: result.form.id, formName: result.form.title.nb } : {}),
  };
  if (result.schemaValid && result.form) checked.facts = factsOf(file, result.form, result.data);
  else if (result.form && result.data !== undefined) {
    // A broken draft is still a copy of its report: what its header says is enough to find it.
    const identity = identityOf(file, result.form, result.data);
    if (identity) checked.facts = identity;
  }
  const report = result.report;
  if (checked.facts && report) checked.noted = notedPaths(checked.facts).map((p) => ({ path: p, span: report.spanFor(p, 'value') }));
  // Only a report with errors can have some that fix mends.
  if (job.countFixable && result.diagnostics.some((d) => d.severity === 'error')) {
    const fixable = fixableCount(result, read.bytes, lang);
    if (fixable > 0) checked.fixable = fixable;
  }
  if (extract) checked.extract = extract(result);
  // What the rules worked out once for this report is not needed past its check.
  forgetReport();
  if (keep) {
    Object.assign(checked, { result, bytes: read.bytes, positions: () => report });
  } else {
    const positions = positionsLater(cwd, lang, job, read.bytes, spool, checked.facts !== undefined);
    if (positions) checked.positions = positions;
  }
  return checked;
}

/**
 * The whole result of a report a batch checked without keeping it: read and checked again alone, with
 * the rules and forms in force for it, so a command that renders thousands holds one at a time.
 */
export function resultAgain(cwd: string, lang: Lang, file: CheckedFile): ValidationResult | undefined {
  if (file.result) return file.result;
  if (!file.rules || !file.forms) return undefined;
  return checkOne(cwd, lang, { file: file.file, rules: file.rules, forms: file.forms }, false, (result) => result).extract as ValidationResult;
}
