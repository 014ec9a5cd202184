import { safeJsonPieces } from '../../util/visible.js';
import type { FileOutcome } from './stylish.js';

export interface SarifOptions {
  version: string;
  /** One-line description of each rule id that occurs, for the tool's rule list. */
  describe(ruleId: string): string | undefined;
}

/** File paths as relative URIs, which code-scanning tools resolve against the repository root. */
function uri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0 for code scanning: one run, the rules that occurred, one result per problem. */
export function formatSarif(outcomes: readonly FileOutcome[], options: SarifOptions): string {
  return [...sarifPieces(() => outcomes, options)].join('');
}

/**
 * The same log a file at a time. The rules come before the results and each result names its rule's
 * place among them, so the outcomes are read twice: once for the rules, once for the results.
 */
export function* sarifPieces(outcomes: () => Iterable<FileOutcome>, options: SarifOptions): Generator<string> {
  const seen = new Set<string>();
  for (const o of outcomes()) for (const d of o.diagnostics) seen.add(d.ruleId);
  const ids = [...seen].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  function* results() {
    for (const o of outcomes()) {
      for (const d of o.diagnostics) {
        yield {
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId),
          level: d.severity === 'error' ? 'error' : 'warning',
          message: { text: d.hint ? `${d.message} ${d.hint}` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: uri(d.file) },
                ...(d.line > 0 ? { region: { startLine: d.line, startColumn: d.col, endLine: Math.max(d.endLine, d.line), endColumn: Math.max(d.endCol, 1) } } : {}),
              },
            },
          ],
        };
      }
    }
  }
  const rules = ids.map((id) => ({ id, shortDescription: { text: options.describe(id) ?? id } }));
  const log = (marker: string) => ({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'bosoreport', version: options.version, rules } }, results: marker }],
  });
  yield* safeJsonPieces(log, results());
}
