import { countBySeverity } from '../../diagnostics.js';
import { VERSION } from '../../util/version.js';
import { safeJson } from '../../util/visible.js';
import type { FileOutcome } from './stylish.js';

/** The version of the `validate -f json` shape; 2 when its keys became Norwegian like `compute --json`'s. */
export const VALIDATE_FORMAT = 2;

/**
 * Machine-readable results, with the same words as `compute --json`: per file (fil) its form (skjema:
 * id and name), its counts (feil, advarsler) and its findings (diagnostikk), then the totals.
 */
export function formatJson(outcomes: readonly FileOutcome[]): string {
  const filer = outcomes.map((o) => {
    const { errors, warnings } = countBySeverity(o.diagnostics);
    // kan_rettes: how many of the findings `bosoreport fix` would mend.
    return {
      fil: o.file,
      skjema: o.formId ? { id: o.formId, navn: o.formName ?? o.formId } : null,
      feil: errors,
      advarsler: warnings,
      kan_rettes: o.fixable ?? 0,
      diagnostikk: o.diagnostics,
    };
  });
  const feil = filer.reduce((n, f) => n + f.feil, 0);
  const advarsler = filer.reduce((n, f) => n + f.advarsler, 0);
  return safeJson({ format: VALIDATE_FORMAT, bosoreport: VERSION, filer, feil, advarsler });
}
