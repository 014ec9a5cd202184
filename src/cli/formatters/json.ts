import { countBySeverity } from '../../diagnostics.js';
import type { FileOutcome } from './stylish.js';

/** Machine-readable results: per file its form, counts and diagnostics, and the totals. */
export function formatJson(outcomes: readonly FileOutcome[]): string {
  const files = outcomes.map((o) => ({ file: o.file, ...(o.formId ? { form: o.formId } : {}), ...countBySeverity(o.diagnostics), diagnostics: o.diagnostics }));
  const errors = files.reduce((n, f) => n + f.errors, 0);
  const warnings = files.reduce((n, f) => n + f.warnings, 0);
  return `${JSON.stringify({ format: 1, files, errors, warnings }, null, 2)}\n`;
}
