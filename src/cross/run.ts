import { byPosition, FILE_START, toPointer, type Diagnostic } from '../diagnostics.js';
import type { ParsedReport } from '../load/parse.js';
import { hasMessage, t, type Lang } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { CROSS_RULES, type ReportFacts } from './rules.js';

export interface CrossInput {
  file: string;
  /** Present for schema-valid reports. */
  facts?: ReportFacts;
  /** Positions in the report, for the few reports a cross-report rule points into. */
  positions?: () => ParsedReport | undefined;
  rules?: Record<string, SeveritySetting>;
  diagnostics: Diagnostic[];
}

/**
 * Runs the checks across reports and adds their findings to the files they concern, at the value's
 * position, with the rule levels in force for that file. Only schema-valid reports take part.
 */
export function runCrossRules(files: CrossInput[], lang: Lang): void {
  const facts: (ReportFacts & { input: CrossInput })[] = [];
  for (const f of files) if (f.facts) facts.push({ ...f.facts, input: f });
  for (const rule of CROSS_RULES) {
    for (const finding of rule.check(facts)) {
      const input = (finding.report as (typeof facts)[number]).input;
      const severity = input.rules?.[rule.id] ?? rule.severity;
      if (severity === 'off') continue;
      const report = input.positions?.();
      const hint = `rule/${rule.id}.hint`;
      input.diagnostics.push({
        file: input.file,
        ...(report?.spanFor(finding.path, 'value') ?? FILE_START),
        severity,
        ruleId: rule.id,
        message: t(lang, `rule/${rule.id}`, finding.params),
        ...(hasMessage(lang, hint) ? { hint: t(lang, hint, finding.params) } : {}),
        path: toPointer(finding.path),
      });
      input.diagnostics.sort(byPosition);
    }
  }
}
