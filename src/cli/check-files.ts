import type { Diagnostic } from '../diagnostics.js';
import { FILE_START } from '../diagnostics.js';
import { LIMITS } from '../load/limits.js';
import { loadProblem } from '../load/parse.js';
import { t } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { validateSource, type ValidationResult } from '../validate/validate.js';
import { ConfigResolver } from './config.js';
import { wantsProgress, type CommandContext } from './context.js';
import type { FileOutcome } from './formatters/stylish.js';
import { expandInputs } from './inputs.js';
import { readReportFile } from './read.js';

export interface CheckedFile extends FileOutcome {
  result?: ValidationResult;
  /** The bytes read and the rule levels in force, for a second pass in another language. */
  bytes?: Uint8Array;
  rules?: Record<string, SeveritySetting>;
}

export interface Checked {
  files: CheckedFile[];
  /** A usage or I/O problem happened (missing file, unmatched pattern, unreadable file, bad config): exit 2. */
  usageFailed: boolean;
}

function ioDiagnostic(ctx: CommandContext, ruleId: string, path: string, reason?: string): Diagnostic {
  const message = t(ctx.lang, ruleId, { path, pattern: path, reason: reason ?? '', limit: LIMITS.maxFiles });
  const hint = ruleId === 'io/no-match' || ruleId === 'io/too-many-files' ? t(ctx.lang, `${ruleId}.hint`) : undefined;
  return { file: path, line: 0, col: 0, endLine: 0, endCol: 0, severity: 'error', ruleId, message, ...(hint ? { hint } : {}) };
}

/**
 * Expands the paths and checks every file found, continuing past failures. Rule severities come from
 * the nearest `.bosoreport.yaml`, then from `--rule` options, which win.
 */
export async function checkFiles(paths: readonly string[], ctx: CommandContext, ruleOptions: Readonly<Record<string, SeveritySetting>> = {}): Promise<Checked> {
  const { io, lang } = ctx;
  const inputs = await expandInputs(paths, io.cwd);
  const files: CheckedFile[] = inputs.problems.map((p) => ({ file: p.path, diagnostics: [ioDiagnostic(ctx, p.ruleId, p.path, p.reason)] }));
  let usageFailed = inputs.problems.length > 0;
  const configs = new ConfigResolver(io.cwd, lang);
  const progress = wantsProgress(io) && inputs.files.length > 1;

  let shown = 0;
  for (const [i, file] of inputs.files.entries()) {
    // A few updates a second are enough to see it move; one per file would flood a slow terminal.
    if (progress && Date.now() - shown > 100) {
      shown = Date.now();
      io.stderr.write(`\r${t(lang, 'progress', { done: i, total: inputs.files.length })}`);
    }
    const read = readReportFile(io.cwd, file);
    if (read.kind === 'missing' || read.kind === 'unreadable') {
      usageFailed = true;
      files.push({ file, diagnostics: [ioDiagnostic(ctx, read.kind === 'missing' ? 'io/not-found' : 'io/unreadable', file, read.kind === 'unreadable' ? read.reason : undefined)] });
      continue;
    }
    if (read.kind === 'too-large') {
      files.push({ file, diagnostics: [loadProblem(file, FILE_START, lang, 'load/too-large', { size: read.size, limit: LIMITS.maxFileBytes })] });
      continue;
    }
    const config = configs.forReport(file);
    const rules = { ...config.rules, ...ruleOptions };
    const result = validateSource(file, read.bytes, { lang, rules });
    files.push({ file, diagnostics: result.diagnostics, result, bytes: read.bytes, rules, ...(result.form ? { formTitle: result.form.title[lang], formId: result.form.id } : {}) });
  }
  if (progress) io.stderr.write('\r\x1b[K');

  for (const config of configs.all()) {
    if (config.diagnostics.length === 0) continue;
    usageFailed = true;
    files.unshift({ file: config.file!, diagnostics: config.diagnostics });
  }
  return { files, usageFailed };
}
