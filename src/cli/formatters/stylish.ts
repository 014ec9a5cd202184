import type { Colors } from '../context.js';
import type { Diagnostic } from '../../diagnostics.js';
import { countBySeverity } from '../../diagnostics.js';
import { t, type Lang } from '../../messages/index.js';
import { visible } from '../../util/visible.js';

import type { FileOutcome } from '../../engine/types.js';

export type { FileOutcome };

/** What --quiet shows: each file with its errors only (warnings still count where they are counted). */
export function errorsOnly<T extends FileOutcome>(outcomes: readonly T[]): T[] {
  return outcomes.map((o) => ({ ...o, diagnostics: o.diagnostics.filter((d) => d.severity === 'error') }));
}

export interface StylishOptions {
  lang: Lang;
  color: Colors;
  /** List each clean file by name (for a handful of files; a CI batch gets the summary only). */
  listClean: boolean;
  /**
   * The command that mends what `fix` can, named after the count when some findings are such; given
   * the one file that has such findings, when only one has.
   */
  fixCommand?: (onlyFile: string | undefined) => string;
}

function line(d: Diagnostic, o: StylishOptions): string {
  const { color, lang } = o;
  // Every piece that can carry a report's or a file name's text is shown with its controls escaped.
  const file = visible(d.file);
  const where = d.line > 0 ? `${file}:${d.line}:${d.col}` : file;
  const sev = d.severity === 'error' ? color.red(t(lang, 'severity/error')) : color.yellow(t(lang, 'severity/warning'));
  const main = `${color.bold(where)}  ${sev}  ${visible(d.message)}  ${color.dim(`(${visible(d.ruleId)})`)}`;
  return d.hint ? `${main}\n    ${color.cyan('→')} ${visible(d.hint)}` : main;
}

/**
 * The human format: one line per problem, `file:line:col  severity  message  (rule)`,
 * the hint on the line below, and a summary at the end.
 */
export function formatStylish(outcomes: readonly FileOutcome[], o: StylishOptions): string {
  return [...stylishPieces(outcomes, o)].join('');
}

/** The human format a file at a time, each file's lines as soon as it is read, the summary last. */
export function* stylishPieces(outcomes: Iterable<FileOutcome>, o: StylishOptions): Generator<string> {
  let errors = 0;
  let warnings = 0;
  let failed = 0;
  let files = 0;
  let fixable = 0;
  let fixableFiles = 0;
  let fixableFile: string | undefined;
  for (const outcome of outcomes) {
    files++;
    const c = countBySeverity(outcome.diagnostics);
    errors += c.errors;
    warnings += c.warnings;
    if (outcome.fixable) {
      fixable += outcome.fixable;
      fixableFile = fixableFiles++ === 0 ? outcome.file : undefined;
    }
    if (outcome.diagnostics.length > 0) failed++;
    const out: string[] = [];
    for (const d of outcome.diagnostics) out.push(line(d, o));
    if (c.errors === 0 && o.listClean && outcome.formTitle) {
      out.push(o.color.green(t(o.lang, 'summary/ok-file', { file: visible(outcome.file), form: visible(outcome.formTitle) })));
    }
    if (out.length) yield `${out.join('\n')}\n`;
  }
  const out: string[] = [];
  if (errors + warnings === 0) {
    out.push(o.color.green(t(o.lang, 'summary/clean', { files })));
  } else if (errors === 0) {
    out.push('', o.color.green(t(o.lang, 'summary/warnings-only', { files, warnings })));
  } else {
    const summary = t(o.lang, 'summary/problems', { problems: errors + warnings, errors, warnings, failed, files });
    out.push('', o.color.bold(errors > 0 ? o.color.red(summary) : o.color.yellow(summary)));
    if (fixable > 0 && o.fixCommand) out.push(t(o.lang, 'summary/fixable', { n: fixable, problems: errors + warnings, command: visible(o.fixCommand(fixableFile)) }));
  }
  yield `${out.join('\n')}\n`;
}
