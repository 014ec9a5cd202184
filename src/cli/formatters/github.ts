import { visible } from '../../util/visible.js';
import type { FileOutcome } from './stylish.js';

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

/** One `::error`/`::warning` annotation per problem, which GitHub Actions shows on the changed lines. */
export function formatGithub(outcomes: readonly FileOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    for (const d of o.diagnostics) {
      const props = [`file=${property(d.file)}`];
      if (d.line > 0) props.push(`line=${d.line}`, `col=${d.col}`, `endLine=${d.endLine}`, `endColumn=${d.endCol}`);
      props.push(`title=${property(`bosoreport ${d.ruleId}`)}`);
      lines.push(`::${d.severity} ${props.join(',')}::${data(d.message + (d.hint ? ` ${d.hint}` : ''))}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
