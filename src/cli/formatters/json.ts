import { countBySeverity } from '../../diagnostics.js';
import { VERSION } from '../../util/version.js';
import { safeJsonPieces } from '../../util/visible.js';
import type { FileOutcome } from './stylish.js';

/** The version of the `validate -f json` shape; 2 when its keys became Norwegian like `compute --json`'s. */
export const VALIDATE_FORMAT = 2;

/**
 * Machine-readable results, with the same words as `compute --json`: per file (fil) its form (skjema:
 * id and name), its counts (feil, advarsler) and its findings (diagnostikk), then the totals.
 */
export function formatJson(outcomes: readonly FileOutcome[]): string {
  return [...jsonPieces(outcomes)].join('');
}

/** The same document a file at a time; the totals, which come last, are counted on the way. */
export function* jsonPieces(outcomes: Iterable<FileOutcome>): Generator<string> {
  let feil = 0;
  let advarsler = 0;
  function* filer() {
    for (const o of outcomes) {
      const { errors, warnings } = countBySeverity(o.diagnostics);
      feil += errors;
      advarsler += warnings;
      // kan_rettes: how many of the findings `bosoreport fix` would mend.
      yield {
        fil: o.file,
        skjema: o.formId ? { id: o.formId, navn: o.formName ?? o.formId } : null,
        feil: errors,
        advarsler: warnings,
        kan_rettes: o.fixable ?? 0,
        diagnostikk: o.diagnostics,
      };
    }
  }
  yield* safeJsonPieces((marker) => ({ format: VALIDATE_FORMAT, bosoreport: VERSION, filer: marker, feil, advarsler }), filer());
}
