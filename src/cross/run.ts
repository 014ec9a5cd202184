import { byPosition, toPointer, type Diagnostic } from '../diagnostics.js';
import { hasMessage, t, type Lang } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import type { ValidationResult } from '../validate/validate.js';
import { CROSS_RULES, kommuneKey, type ReportFacts } from './rules.js';

export interface CrossInput {
  file: string;
  result?: ValidationResult;
  rules?: Record<string, SeveritySetting>;
  diagnostics: Diagnostic[];
}

/**
 * Runs the checks across reports and adds their findings to the files they concern, at the value's
 * position, with the rule levels in force for that file. Only schema-valid reports take part.
 */
export function runCrossRules(files: CrossInput[], lang: Lang): void {
  const facts: (ReportFacts & { input: CrossInput })[] = [];
  for (const f of files) {
    const r = f.result;
    if (!r?.schemaValid || !r.form || !r.data) continue;
    const info = (r.data as { generell_programinformasjon: { kommune: string; rapporteringsaar: number } }).generell_programinformasjon;
    facts.push({ input: f, file: f.file, form: r.form, kommune: info.kommune, kommuneKey: kommuneKey(info.kommune), aar: info.rapporteringsaar, data: r.data });
  }
  for (const rule of CROSS_RULES) {
    for (const finding of rule.check(facts)) {
      const input = (finding.report as (typeof facts)[number]).input;
      const severity = input.rules?.[rule.id] ?? rule.severity;
      if (severity === 'off') continue;
      const report = input.result!.report!;
      const hint = `rule/${rule.id}.hint`;
      input.diagnostics.push({
        file: input.file,
        ...report.spanFor(finding.path, 'value'),
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
