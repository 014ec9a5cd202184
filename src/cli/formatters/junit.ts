import { noWorkflowCommand, visible } from '../../util/visible.js';
import { countBySeverity, type Diagnostic } from '../../diagnostics.js';
import type { FileOutcome } from './stylish.js';

function xml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; the rest escaped.
  return text
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One finding as a line of text: report text and file names shown, never acting (controls, bidi, «::»). */
function line(d: Diagnostic): string {
  const where = d.line > 0 ? `${visible(d.file)}:${d.line}:${d.col}` : visible(d.file);
  return noWorkflowCommand(`${where} ${d.severity} ${visible(d.message)}${d.hint ? ` (${visible(d.hint)})` : ''} [${visible(d.ruleId)}]`);
}

/**
 * JUnit XML for CI dashboards: one test case per report, failing when the report has errors.
 * Warnings are listed in the case's output so they are visible without failing it.
 */
export function formatJunit(outcomes: readonly FileOutcome[]): string {
  return [...junitPieces(() => outcomes)].join('');
}

/** The same document a report at a time; its head counts the reports and failures, so the outcomes are read twice. */
export function* junitPieces(outcomes: () => Iterable<FileOutcome>): Generator<string> {
  let tests = 0;
  let failures = 0;
  for (const o of outcomes()) {
    tests++;
    if (countBySeverity(o.diagnostics).errors > 0) failures++;
  }
  yield [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="bosoreport" tests="${tests}" failures="${failures}">`,
    `  <testsuite name="bosoreport validate" tests="${tests}" failures="${failures}" errors="0">`,
    '',
  ].join('\n');
  for (const o of outcomes()) {
    const errors = o.diagnostics.filter((d) => d.severity === 'error');
    const warnings = o.diagnostics.filter((d) => d.severity === 'warning');
    const failure = errors.length
      ? `\n      <failure message="${xml(`${errors.length} error(s): ${visible(errors[0]!.message)}`)}" type="${xml(visible(errors[0]!.ruleId))}">${xml(errors.map(line).join('\n'))}</failure>`
      : '';
    const out = warnings.length ? `\n      <system-out>${xml(warnings.map(line).join('\n'))}</system-out>` : '';
    yield `    <testcase classname="bosoreport" name="${xml(visible(o.file))}">${failure}${out}\n    </testcase>\n`;
  }
  yield '  </testsuite>\n</testsuites>\n';
}
