import { diagnostic, type Diagnostic, type Span } from '../diagnostics.js';
import type { DataPath, Target } from '../load/positions.js';
import type { Lang, Params } from '../messages/index.js';
import type { Finding, Rule, RuleContext, RuleMeta, SeveritySetting } from './types.js';

/** A rule's message and hint for one finding, in the language asked for. */
export function ruleWords(rule: RuleMeta<any>, lang: Lang, params: Params = {}): { message: string; hint?: string } {
  const w = rule.messages[lang];
  return { message: w.message(params), ...(w.hint ? { hint: w.hint(params) } : {}) };
}

/** One finding of a rule as a diagnostic at the position of its data path. */
export function ruleDiagnostic(
  rule: RuleMeta<any>,
  severity: 'error' | 'warning',
  finding: Finding,
  file: string,
  spanFor: (path: DataPath, target: Target) => Span,
  lang: Lang,
): Diagnostic {
  return diagnostic(file, spanFor(finding.path, finding.target ?? 'value'), severity, rule.id, ruleWords(rule, lang, finding.params), finding.path);
}

/** Runs a form's rules with the severities in force (default, then config, then command line). */
export function runRules<D, F>(
  rules: readonly Rule<D, F>[],
  ctx: RuleContext<D, F>,
  report: { file: string; spanFor(path: DataPath, target: Target): Span },
  lang: Lang,
  settings: Readonly<Record<string, SeveritySetting>> = {},
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    const severity = settings[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    for (const finding of rule.check(ctx)) out.push(ruleDiagnostic(rule, severity, finding, report.file, report.spanFor, lang));
  }
  return out;
}

/** The whole a figure is part of, by the first of the rules that knows one (see Rule.wholeOf). */
export function wholeByRules(rules: readonly Rule[]): (path: DataPath) => DataPath | undefined {
  return (path) => {
    for (const rule of rules) {
      const whole = typeof rule.wholeOf === 'function' ? rule.wholeOf(path) : undefined;
      if (Array.isArray(whole)) return whole;
    }
    return undefined;
  };
}

/** Whether two data paths name the same place. */
export function samePath(a: DataPath, b: DataPath): boolean {
  return a.length === b.length && a.every((seg, i) => seg === b[i]);
}
