import { toPointer, type Diagnostic } from '../diagnostics.js';
import type { ParsedReport } from '../load/parse.js';
import { hasMessage, t, type Lang } from '../messages/index.js';
import type { Rule, RuleContext, SeveritySetting } from './types.js';

/** Runs a form's rules with the severities in force (default, then config, then command line). */
export function runRules<D, F>(
  rules: readonly Rule<D, F>[],
  ctx: RuleContext<D, F>,
  report: ParsedReport,
  lang: Lang,
  settings: Readonly<Record<string, SeveritySetting>> = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = settings[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    for (const finding of rule.check(ctx)) {
      const params = finding.params ?? {};
      const hintCode = `rule/${rule.id}.hint`;
      out.push({
        file: report.file,
        ...report.spanFor(finding.path, finding.target ?? 'value'),
        severity,
        ruleId: rule.id,
        message: t(lang, `rule/${rule.id}`, params),
        ...(hasMessage(lang, hintCode) ? { hint: t(lang, hintCode, params) } : {}),
        path: toPointer(finding.path),
      });
    }
  }
  return out;
}
