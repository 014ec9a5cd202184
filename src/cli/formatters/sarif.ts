import { safeJson } from '../../util/visible.js';
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
  const ids = [...new Set(outcomes.flatMap((o) => o.diagnostics.map((d) => d.ruleId)))].sort();
  const results = outcomes.flatMap((o) =>
    o.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      ruleIndex: ids.indexOf(d.ruleId),
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
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bosoreport',
            version: options.version,
            rules: ids.map((id) => ({ id, shortDescription: { text: options.describe(id) ?? id } })),
          },
        },
        results,
      },
    ],
  };
  return safeJson(log);
}
