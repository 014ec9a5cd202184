import { FILE_START, type Diagnostic, type Span } from '../diagnostics.js';
import type { ParsedReport } from '../load/parse.js';
import type { DataPath, Target } from '../load/positions.js';
import type { Lang } from '../messages/index.js';
import { ruleDiagnostic, samePath } from '../rules/runner.js';
import type { SeveritySetting } from '../rules/types.js';
import { CROSS_RULES, type CrossContext, type CrossFinding, type CrossRule, type ReportFacts } from './rules.js';

/** Where a value stands, noted while the report's parse was at hand. */
export interface NotedSpan {
  path: DataPath;
  span: Span;
}

export interface CrossInput {
  file: string;
  /** Present for schema-valid reports, and for a broken one whose header says which report it is. */
  facts?: ReportFacts;
  /** Positions in the report, for the few reports a cross-report rule points into; read once per report and then let go. */
  positions?: () => ParsedReport | undefined;
  /** The values most findings point at (the year, `skjema:`), so that they need no second parse. */
  noted?: readonly NotedSpan[];
  rules?: Record<string, SeveritySetting>;
}

/** The paths a report's position is noted for while it is parsed: where the duplicate and the file-name checks point. */
export function notedPaths(facts: ReportFacts): DataPath[] {
  return [facts.form.fields.aar, ['skjema']];
}

/**
 * Runs the checks across reports and returns their findings per file they concern, at the value's
 * position, with the rule levels in force for that file. Schema-valid reports take part; a broken one
 * only in the rules that ask for it (the duplicate check). A report's findings are placed together, so
 * a report that is not kept is parsed again at most once, and that parse is let go before the next.
 */
export function runCrossRules<T extends CrossInput>(files: readonly T[], lang: Lang, ctx: CrossContext): Map<T, Diagnostic[]> {
  const all: (ReportFacts & { input: T })[] = [];
  for (const f of files) if (f.facts) all.push({ ...f.facts, input: f });
  const valid = all.filter((f) => f.schemaValid);
  const found = new Map<T, { rule: CrossRule; severity: 'error' | 'warning'; finding: CrossFinding }[]>();
  for (const rule of CROSS_RULES) {
    for (const finding of rule.check(rule.withBroken ? all : valid, ctx)) {
      const input = (finding.report as (typeof all)[number]).input;
      const severity = input.rules?.[rule.id] ?? rule.severity;
      if (severity === 'off') continue;
      const list = found.get(input) ?? [];
      if (list.length === 0) found.set(input, list);
      list.push({ rule, severity, finding });
    }
  }
  const out = new Map<T, Diagnostic[]>();
  for (const [input, list] of found) {
    let report: ParsedReport | undefined | null = null;
    const spanFor = (p: DataPath, target: Target): Span => {
      const noted = target === 'value' ? input.noted?.find((n) => samePath(n.path, p)) : undefined;
      if (noted) return noted.span;
      if (report === null) report = input.positions?.();
      return report?.spanFor(p, target) ?? FILE_START;
    };
    out.set(
      input,
      list.map(({ rule, severity, finding }) => ruleDiagnostic(rule, severity, finding, input.file, spanFor, lang)),
    );
  }
  return out;
}
