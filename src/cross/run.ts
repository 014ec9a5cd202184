import { byPosition, FILE_START, type Diagnostic } from '../diagnostics.js';
import type { ParsedReport } from '../load/parse.js';
import type { Lang } from '../messages/index.js';
import { ruleDiagnostic } from '../rules/runner.js';
import type { SeveritySetting } from '../rules/types.js';
import { CROSS_RULES, type CrossContext, type ReportFacts } from './rules.js';

export interface CrossInput {
  file: string;
  /** Present for schema-valid reports, and for a broken one whose header says which report it is. */
  facts?: ReportFacts;
  /** Positions in the report, for the few reports a cross-report rule points into. */
  positions?: () => ParsedReport | undefined;
  rules?: Record<string, SeveritySetting>;
  diagnostics: Diagnostic[];
}

/**
 * Runs the checks across reports and adds their findings to the files they concern, at the value's
 * position, with the rule levels in force for that file. Schema-valid reports take part; a broken one
 * only in the rules that ask for it (the duplicate check).
 */
export function runCrossRules(files: CrossInput[], lang: Lang, ctx: CrossContext): void {
  const all: (ReportFacts & { input: CrossInput })[] = [];
  for (const f of files) if (f.facts) all.push({ ...f.facts, input: f });
  const valid = all.filter((f) => f.schemaValid);
  for (const rule of CROSS_RULES) {
    for (const finding of rule.check(rule.withBroken ? all : valid, ctx)) {
      const input = (finding.report as (typeof all)[number]).input;
      const severity = input.rules?.[rule.id] ?? rule.severity;
      if (severity === 'off') continue;
      const report = input.positions?.();
      input.diagnostics.push(ruleDiagnostic(rule, severity, finding, input.file, (p, target) => report?.spanFor(p, target) ?? FILE_START, lang));
      input.diagnostics.sort(byPosition);
    }
  }
}
