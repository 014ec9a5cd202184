import type { Diagnostic } from '../diagnostics.js';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE } from '../errors.js';
import { loadProblem } from '../load/parse.js';
import { LIMITS } from '../load/limits.js';
import { FILE_START } from '../diagnostics.js';
import { t } from '../messages/index.js';
import { validateSource } from '../validate/validate.js';
import { colorFor, wantsProgress, type CommandContext } from './context.js';
import { formatStylish, type FileOutcome } from './formatters/stylish.js';
import { expandInputs } from './inputs.js';
import { readReportFile } from './read.js';

const LIST_CLEAN_UP_TO = 10;

function ioDiagnostic(ctx: CommandContext, ruleId: string, path: string, reason?: string): Diagnostic {
  const hintCode = `${ruleId}.hint`;
  const message = t(ctx.lang, ruleId, { path, pattern: path, reason: reason ?? '' });
  const hint = ruleId === 'io/no-match' ? t(ctx.lang, hintCode) : undefined;
  return { file: path, line: 0, col: 0, endLine: 0, endCol: 0, severity: 'error', ruleId, message, ...(hint ? { hint } : {}) };
}

/** `bosoreport validate <paths…>`: every file is checked even when some fail; one summary at the end. */
export async function runValidate(paths: readonly string[], ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const inputs = await expandInputs(paths, io.cwd);
  const outcomes: FileOutcome[] = inputs.problems.map((p) => ({ file: p.path, diagnostics: [ioDiagnostic(ctx, p.ruleId, p.path, p.reason)] }));
  let ioFailed = inputs.problems.length > 0;
  const progress = wantsProgress(io) && inputs.files.length > 1;

  for (const [i, file] of inputs.files.entries()) {
    if (progress) io.stderr.write(`\r${t(lang, 'progress', { done: i, total: inputs.files.length })}`);
    const read = await readReportFile(io.cwd, file);
    if (read.kind === 'missing' || read.kind === 'unreadable') {
      ioFailed = true;
      outcomes.push({ file, diagnostics: [ioDiagnostic(ctx, read.kind === 'missing' ? 'io/not-found' : 'io/unreadable', file, read.kind === 'unreadable' ? read.reason : undefined)] });
      continue;
    }
    if (read.kind === 'too-large') {
      outcomes.push({ file, diagnostics: [loadProblem(file, FILE_START, lang, 'load/too-large', { size: read.size, limit: LIMITS.maxFileBytes })] });
      continue;
    }
    const result = validateSource(file, read.bytes, lang);
    outcomes.push({ file, diagnostics: result.diagnostics, ...(result.form ? { formTitle: result.form.title[lang] } : {}) });
  }
  if (progress) io.stderr.write('\r\x1b[K');

  const color = colorFor(io.stdout, io.env);
  io.stdout.write(formatStylish(outcomes, { lang, color, listClean: outcomes.length <= LIST_CLEAN_UP_TO }));

  if (ioFailed) return EXIT_USAGE;
  return outcomes.some((o) => o.diagnostics.some((d) => d.severity === 'error')) ? EXIT_PROBLEMS : EXIT_CLEAN;
}
