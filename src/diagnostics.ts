/** The one record every check produces, whatever stage found the problem. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
  severity: Severity;
  ruleId: string;
  message: string;
  hint?: string;
}

export interface Span {
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

/** Where a problem is reported when it concerns the whole file. */
export const FILE_START: Span = { line: 1, col: 1, endLine: 1, endCol: 1 };

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col || a.ruleId.localeCompare(b.ruleId);
}
