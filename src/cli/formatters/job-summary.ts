import { t, type Lang } from '../../messages/index.js';
import { markdownCell as cell } from '../../util/markdown.js';
import type { FileOutcome } from './stylish.js';
import { tallyOf, type CiContext, type Count } from './tally.js';

/**
 * GitHub takes at most 1 MiB of job summary per step and fails the upload past it; the table of
 * findings stops well before, and says how many rows it left out.
 */
const TABLE_BUDGET = 512 * 1024;

/** The baseline's loose entries named one by one, up to this many. */
const LOOSE_LISTED = 20;

export interface JobSummaryOptions extends CiContext {
  lang: Lang;
  /** The paths validate was given, for the command that tightens the baseline. */
  paths: readonly string[];
}

/**
 * The run's page on GitHub ($GITHUB_STEP_SUMMARY), in Markdown: a tally of errors and warnings in
 * the change's files and in the rest, what the baseline hid, and a table of every finding with
 * place, severity, rule and message, the change's files first. Report text is escaped as a cell.
 */
export function formatJobSummary(given: readonly FileOutcome[] | (() => Iterable<FileOutcome>), options: JobSummaryOptions): string {
  // Read twice (the tally heads the page), so a run's outcomes may be given as a way to read them.
  const outcomes = typeof given === 'function' ? given : () => given;
  const { lang } = options;
  const tally = tallyOf(outcomes(), options);
  const errors = (tally.changed?.errors ?? 0) + tally.other.errors;
  const warnings = (tally.changed?.warnings ?? 0) + tally.other.warnings;
  const files = (tally.changed?.files ?? 0) + tally.other.files;
  const out: string[] = [`### ${t(lang, errors + warnings ? 'ci/summary-problems' : 'ci/summary-clean', { errors, warnings, files })}`, ''];

  const row = (label: string, c: { errors: number; warnings: number }) => `| ${label} | ${c.errors} | ${c.warnings} |`;
  out.push(`| | ${t(lang, 'ci/col-errors')} | ${t(lang, 'ci/col-warnings')} |`, '| --- | ---: | ---: |');
  const label = (code: 'ci/row-changed' | 'ci/row-other' | 'ci/row-all', c: Count) => t(lang, code, { files: c.files });
  if (tally.changed) out.push(row(label('ci/row-changed', tally.changed), tally.changed), row(label('ci/row-other', tally.other), tally.other));
  else out.push(row(label('ci/row-all', tally.other), tally.other));
  if (tally.hidden.errors + tally.hidden.warnings > 0) out.push(row(t(lang, 'ci/row-baselined'), tally.hidden));
  out.push('');

  if (tally.loose.length) {
    out.push(t(lang, 'ci/loose', { count: tally.loose.length, command: cell(`npx bosoreport baseline --prune ${options.paths.join(' ')}`) }), '');
    for (const l of tally.loose.slice(0, LOOSE_LISTED)) out.push(`- ${cell(l.file)}: ${cell(l.ruleId)} ${t(lang, 'ci/loose-entry', { allowed: l.allowed, found: l.found })}`);
    if (tally.loose.length > LOOSE_LISTED) out.push(`- ${t(lang, 'ci/more', { count: tally.loose.length - LOOSE_LISTED })}`);
    out.push('');
  }

  if (errors + warnings === 0) return `${out.join('\n')}\n`;
  out.push(`| ${t(lang, 'ci/col-where')} | ${t(lang, 'ci/col-severity')} | ${t(lang, 'ci/col-rule')} | ${t(lang, 'ci/col-message')} |`, '| --- | --- | --- | --- |');
  let size = Buffer.byteLength(out.join('\n'));
  let left = errors + warnings;
  // Once a row does not fit, the table ends there: the rest are counted, not read.
  rows: for (const o of outcomes()) {
    const mark = options.changed?.has(o.file) ? ` ${t(lang, 'ci/changed-mark')}` : '';
    for (const d of o.diagnostics) {
      const where = d.line > 0 ? `${d.file}:${d.line}` : d.file;
      const text = d.hint ? `${d.message} ${d.hint}` : d.message;
      const line = `| ${cell(where)}${mark} | ${t(lang, d.severity === 'error' ? 'severity/error' : 'severity/warning')} | ${cell(d.ruleId)} | ${cell(text)} |`;
      if (size + Buffer.byteLength(line) + 1 > TABLE_BUDGET) break rows;
      out.push(line);
      size += Buffer.byteLength(line) + 1;
      left--;
    }
  }
  if (left > 0) out.push('', t(lang, 'ci/more', { count: left }));
  return `${out.join('\n')}\n`;
}
