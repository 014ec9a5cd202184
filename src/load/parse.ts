import { isCollection, LineCounter, parseDocument, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics.js';
import { FILE_START } from '../diagnostics.js';
import { t, type Lang } from '../messages/index.js';
import { LIMITS } from './limits.js';
import { spanOfRange } from './positions.js';
import { bytePosition, firstInvalidUtf8 } from './utf8.js';

/** A report that parsed as YAML, with what is needed to turn data paths back into file positions. */
export interface ParsedReport {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  data: unknown;
}

export interface ParseResult {
  report?: ParsedReport;
  diagnostics: Diagnostic[];
}

export function loadProblem(file: string, span: Span, lang: Lang, ruleId: string, params: Record<string, string | number> = {}, hint = true): Diagnostic {
  return {
    file,
    ...span,
    severity: 'error',
    ruleId,
    message: t(lang, ruleId, params),
    ...(hint ? { hint: t(lang, `${ruleId}.hint`, params) } : {}),
  };
}

/** yaml's messages end with " at line N, column M:" and an excerpt; the position is shown separately. */
function shortYamlMessage(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlDiagnostic(file: string, lang: Lang, lineCounter: LineCounter, error: YAMLError, text: string, severity: 'error' | 'warning'): Diagnostic {
  const span = spanOfRange(lineCounter, error.pos[0], error.pos[1]);
  if (severity === 'warning') {
    return { file, ...span, severity, ruleId: 'yaml/warning', message: t(lang, 'yaml/warning', { detail: shortYamlMessage(error) }) };
  }
  if (error.code === 'DUPLICATE_KEY') {
    const name = /^("[^"\n]*"|'[^'\n]*'|[^:\n]+?)\s*:/.exec(text.slice(error.pos[0]))?.[1] ?? '?';
    return loadProblem(file, span, lang, 'yaml/duplicate-key', { key: name.replace(/^["']|["']$/g, '') });
  }
  if (error.code === 'TAB_AS_INDENT') return loadProblem(file, span, lang, 'yaml/tab');
  return loadProblem(file, span, lang, 'yaml/syntax', { detail: shortYamlMessage(error) });
}

/** Deepest nesting in the document, found without recursion so that a hostile file cannot overflow the stack. */
function tooDeep(doc: Document): { range: [number, number] } | undefined {
  let hit: { range: [number, number] } | undefined;
  visit(doc, (_key, node, path) => {
    if (!isCollection(node)) return undefined;
    const depth = path.filter((p) => isCollection(p)).length;
    if (depth > LIMITS.maxDepth && node.range) {
      hit = { range: [node.range[0], node.range[1]] };
      return visit.BREAK;
    }
    return undefined;
  });
  return hit;
}

/**
 * Turns the bytes of one file into a parsed report, or into the reasons it is not one.
 * Pure: no file system access, so it is the same for the CLI, tests and a future editor integration.
 */
export function parseReport(file: string, bytes: Uint8Array, lang: Lang): ParseResult {
  if (bytes.length > LIMITS.maxFileBytes) {
    return { diagnostics: [loadProblem(file, FILE_START, lang, 'load/too-large', { size: bytes.length, limit: LIMITS.maxFileBytes })] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { diagnostics: [loadProblem(file, FILE_START, lang, 'load/binary')] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const at = bytePosition(bytes, Math.max(0, offset));
    return { diagnostics: [loadProblem(file, { ...at, endLine: at.line, endCol: at.col + 1 }, lang, 'load/not-utf8')] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true, version: '1.2' });
  const diagnostics = [
    ...doc.errors.map((e) => yamlDiagnostic(file, lang, lineCounter, e, text, 'error')),
    ...doc.warnings.map((e) => yamlDiagnostic(file, lang, lineCounter, e, text, 'warning')),
  ];
  if (doc.errors.length > 0) return { diagnostics };

  const deep = tooDeep(doc);
  if (deep) {
    diagnostics.push(loadProblem(file, spanOfRange(lineCounter, deep.range[0], deep.range[0]), lang, 'load/too-deep', { limit: LIMITS.maxDepth }));
    return { diagnostics };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      diagnostics.push(loadProblem(file, FILE_START, lang, 'load/alias-bomb', { limit: LIMITS.maxAliasCount }));
      return { diagnostics };
    }
    throw error;
  }
  return { report: { file, doc, lineCounter, data }, diagnostics };
}
