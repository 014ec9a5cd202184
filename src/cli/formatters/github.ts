import type { Diagnostic } from '../../diagnostics.js';
import { t, type Lang } from '../../messages/index.js';
import { visible } from '../../util/visible.js';
import type { FileOutcome } from './stylish.js';
import { tallier, type CiContext } from './tally.js';

/** GitHub shows at most this many error and this many warning annotations per step; the rest are dropped. */
export const ANNOTATION_CAP = 10;

/**
 * GitHub's workflow-command escaping: data and property values differ in what they must escape.
 * Control characters are made visible first, so no report text can end the line or hide in it.
 */
function data(text: string): string {
  return visible(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(d: Diagnostic): string {
  const props = [`file=${property(d.file)}`];
  if (d.line > 0) props.push(`line=${d.line}`, `col=${d.col}`, `endLine=${d.endLine}`, `endColumn=${d.endCol}`);
  props.push(`title=${property(`bosoreport ${d.ruleId}`)}`);
  return `::${d.severity} ${props.join(',')}::${data(d.message + (d.hint ? ` ${d.hint}` : ''))}`;
}

/** A finding past the cap as a plain log line; it starts with a word, so the runner never reads it as a command. */
function logLine(d: Diagnostic, lang: Lang): string {
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  return visible(`${t(lang, d.severity === 'error' ? 'severity/error' : 'severity/warning')} ${where}  ${d.message}  (${d.ruleId})`);
}

export interface GithubOptions extends CiContext {
  lang: Lang;
  /** The job summary lists every finding ($GITHUB_STEP_SUMMARY is written). */
  jobSummary?: boolean;
}

/**
 * One `::error`/`::warning` annotation per problem, which GitHub Actions shows on the changed lines,
 * in the order given (the change's files first). Past GitHub's cap per severity the findings are
 * plain log lines, and a notice and a tally say how many were not annotated and where they are.
 */
export function formatGithub(outcomes: readonly FileOutcome[], options: GithubOptions): string {
  return [...githubPieces(() => outcomes, options)].join('');
}

/**
 * The same lines a file at a time: the annotations as the files come, then the findings past the
 * cap (read again, since they follow every annotation), the notice and the tally.
 */
export function* githubPieces(outcomes: () => Iterable<FileOutcome>, options: GithubOptions): Generator<string> {
  const { lang } = options;
  const tally = tallier(options);
  const annotated = { error: 0, warning: 0 };
  let rest = 0;
  for (const o of outcomes()) {
    tally.add(o);
    const lines: string[] = [];
    for (const d of o.diagnostics) {
      if (annotated[d.severity] >= ANNOTATION_CAP) rest++;
      else {
        annotated[d.severity]++;
        lines.push(`${annotation(d)}\n`);
      }
    }
    if (lines.length) yield lines.join('');
  }
  if (rest) {
    // The findings past the cap follow every annotation: read again for them.
    const seen = { error: 0, warning: 0 };
    let errors = 0;
    for (const o of outcomes()) {
      const lines: string[] = [];
      for (const d of o.diagnostics) {
        if (seen[d.severity]++ < ANNOTATION_CAP) continue;
        if (d.severity === 'error') errors++;
        lines.push(`${logLine(d, lang)}\n`);
      }
      if (lines.length) yield lines.join('');
    }
    const where = t(lang, options.jobSummary ? 'ci/capped-where-summary' : 'ci/capped-where-log');
    yield `::notice title=${property('bosoreport')}::${data(t(lang, 'ci/capped', { errors, warnings: rest - errors, cap: ANNOTATION_CAP, where }))}\n`;
  }
  const { changed, other } = tally.result();
  if (changed) yield `${visible(t(lang, 'ci/tally-changed', { ...prefixed('c', changed), ...prefixed('o', other) }))}\n`;
}

/** `{errors, warnings, files}` as `{cErrors, cWarnings, cFiles}`, for a message that names two groups. */
function prefixed(prefix: string, count: { errors: number; warnings: number; files: number }): Record<string, number> {
  return { [`${prefix}Errors`]: count.errors, [`${prefix}Warnings`]: count.warnings, [`${prefix}Files`]: count.files };
}
