import { isUtf8 } from 'node:buffer';
import type { Document, LineCounter, YAMLError } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics.js';
import { diagnostic, FILE_START } from '../diagnostics.js';
import { words, type Lang, type MessageCode } from '../messages/index.js';
import { locateBlock, readBlockYaml } from './block-yaml.js';
import { InputGuard, LimitExceeded, type LimitHit } from './guard.js';
import { LIMITS } from './limits.js';
import { LineIndex } from './lines.js';
import { spanFor, spanOf, spanOfRange, UNKNOWN, type DataPath, type Lines, type Target } from './positions.js';
import { bytePosition, decodeUtf8, firstInvalidUtf8 } from './utf8.js';
import { coreTags, yamlLib } from './yaml-lib.js';

/** A report that parsed as YAML, with a way back from data paths to file positions. */
export interface ParsedReport {
  file: string;
  data: unknown;
  /** Where a problem about the value at `path` should point. */
  spanFor(path: DataPath, target: Target): Span;
  /** The decoded source, to quote a value as it was typed («1.390», which YAML reads as 1.39). */
  text: string;
  /** Where in `text` the key or value at `path` stands, when it is on one line (to quote or edit it). */
  rangeOf(path: DataPath, target: 'value' | 'key'): { start: number; end: number } | undefined;
}

/** `rangeOf` for a report: its spans, turned back into offsets by one line index made on first use. */
function rangeFinder(text: string, spanOf: ParsedReport['spanFor'], index?: () => LineIndex): ParsedReport['rangeOf'] {
  let lines: LineIndex | undefined;
  return (path, target) => {
    const span = spanOf(path, target);
    if (span.line < 1 || span.line !== span.endLine) return undefined;
    lines ??= index?.() ?? new LineIndex(text);
    const start = lines.offsetOf(span.line, span.col);
    return start < 0 ? undefined : { start, end: start + span.endCol - span.col };
  };
}

export interface ParseResult {
  report?: ParsedReport;
  diagnostics: Diagnostic[];
}

export function loadProblem(file: string, span: Span, lang: Lang, ruleId: MessageCode, params: Record<string, string | number> = {}): Diagnostic {
  return diagnostic(file, span, 'error', ruleId, words(lang, ruleId, params));
}

/**
 * The key a duplicate-key error points at, read with plain string scans: a regular expression here
 * went quadratic on a key of a million spaces. Long keys are shortened for the message.
 */
function keyAt(text: string, at: number): string {
  const end = text.indexOf('\n', at);
  const line = text.slice(at, end === -1 ? text.length : end);
  const quote = line[0] === '"' || line[0] === "'" ? line[0] : undefined;
  const close = quote ? line.indexOf(quote, 1) : -1;
  const colon = line.indexOf(':', close === -1 ? 0 : close);
  const key = (quote && close > 0 ? line.slice(1, close) : line.slice(0, colon === -1 ? line.length : colon)).trim();
  return key.length > 60 ? `${key.slice(0, 57)}…` : key || '?';
}

/** yaml's messages end with " at line N, column M:" and an excerpt; the position is shown separately. */
function shortYamlMessage(error: YAMLError): string {
  return error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function yamlDiagnostic(file: string, lang: Lang, lineCounter: LineCounter, error: YAMLError, text: string, severity: 'error' | 'warning'): Diagnostic {
  const span = spanOfRange(lineCounter, error.pos[0], error.pos[1]);
  if (severity === 'warning') {
    return diagnostic(file, span, severity, 'yaml/warning', words(lang, 'yaml/warning', { detail: shortYamlMessage(error) }));
  }
  if (error.code === 'DUPLICATE_KEY') {
    return loadProblem(file, span, lang, 'yaml/duplicate-key', { key: keyAt(text, error.pos[0]) });
  }
  if (error.code === 'TAB_AS_INDENT') return loadProblem(file, span, lang, 'yaml/tab');
  const detail = shortYamlMessage(error);
  const own = ownWords(error.code, detail);
  const said = own ? words(lang, own) : words(lang, 'yaml/syntax', { detail });
  // Our own words for the common mistakes; the shared hint for every syntax error.
  return diagnostic(file, span, 'error', 'yaml/syntax', { message: said.message, hint: words(lang, 'yaml/syntax').hint });
}

/** yaml's error codes we say in the user's words, with the message code for each. */
const OWN_WORDS: Readonly<Record<string, MessageCode>> = {
  BAD_INDENT: 'yaml/bad-indent',
  BLOCK_AS_IMPLICIT_KEY: 'yaml/colon-in-value',
  MULTILINE_IMPLICIT_KEY: 'yaml/missing-colon',
  BAD_SCALAR_START: 'yaml/reserved-start',
  MULTIPLE_DOCS: 'yaml/several-documents',
};

/** The message code for a yaml error we can say in the user's words; undefined keeps yaml's English. */
function ownWords(code: string, detail: string): MessageCode | undefined {
  if (code === 'MISSING_CHAR') return /closing "?quote/i.test(detail) ? 'yaml/open-quote' : /followed by map values/.test(detail) ? 'yaml/missing-colon' : undefined;
  return OWN_WORDS[code];
}

/**
 * One broken line makes yaml report every line after it too (a tab: one right error and a dozen
 * about indentation). The first error is the one to fix; duplicate keys are independent and all kept.
 */
function withoutFollowOns(errors: readonly YAMLError[]): YAMLError[] {
  const first = errors.find((e) => e.code !== 'DUPLICATE_KEY');
  return errors.filter((e) => e.code === 'DUPLICATE_KEY' || e === first);
}

/** Deepest nesting in the document, found without recursion so that a hostile file cannot overflow the stack. */
function tooDeep(doc: Document): { range: [number, number] } | undefined {
  const { isCollection, visit } = yamlLib();
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

/** The text of a report file, or why it is not a text file bosoreport can read. */
function decode(file: string, bytes: Uint8Array, lang: Lang): { text: string } | { diagnostics: Diagnostic[] } {
  if (bytes.length > LIMITS.maxFileBytes) {
    return { diagnostics: [loadProblem(file, FILE_START, lang, 'load/too-large', { size: bytes.length, limit: LIMITS.maxFileBytes })] };
  }
  if (bytes.indexOf(0) !== -1) return { diagnostics: [loadProblem(file, FILE_START, lang, 'load/binary')] };
  if (!isUtf8(bytes)) {
    const at = bytePosition(bytes, Math.max(0, firstInvalidUtf8(bytes)));
    return { diagnostics: [loadProblem(file, { ...at, endLine: at.line, endCol: at.col + 1 }, lang, 'load/not-utf8')] };
  }
  const text = decodeUtf8(bytes);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

/** Parses with `yaml`, which knows all of YAML and explains every error. */
function parseWithYaml(file: string, text: string, lang: Lang): ParseResult {
  try {
    return parseWithYamlDeep(file, text, lang);
  } catch (error) {
    // Nesting deep enough to exhaust the stack (thousands of «[» or levels): the limit's own message.
    if (error instanceof RangeError) return { diagnostics: [loadProblem(file, FILE_START, lang, 'load/too-deep', { limit: LIMITS.maxDepth })] };
    throw error;
  }
}

/** A limit a reader stopped at, as its diagnostic at the token that broke it. */
function limitProblem(file: string, lang: Lang, lines: Lines, hit: LimitHit): Diagnostic {
  return loadProblem(file, spanOfRange(lines, hit.offset, hit.offset), lang, hit.code, { limit: hit.limit });
}

/**
 * `yaml`'s parseDocument, with the input guard between its lexer and its parser (the limits are
 * checked as the text is read, before a node is built for what lies past them) and without its
 * duplicate-key check, which compares each key with every earlier one (quadratic: 400,000 keys took
 * minutes); `duplicateKeys` finds the same duplicates in one pass.
 */
function composeGuarded(text: string, lineCounter: LineCounter): Document {
  const { Composer, Lexer, Parser, YAMLParseError } = yamlLib();
  const guard = new InputGuard();
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens() {
    lineCounter.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      guard.feed(lexeme);
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  const composer = new Composer({ uniqueKeys: false, version: '1.2', customTags: coreTags });
  let doc: Document | undefined;
  for (const next of composer.compose(tokens(), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
      break;
    }
  }
  return doc!;
}

/**
 * Keys that stand twice in one mapping, as `yaml`'s own check finds them (scalar keys with equal
 * values; other keys are never equal), as its errors at the repeated key.
 */
function duplicateKeys(doc: Document): YAMLError[] {
  const { isScalar, visit, YAMLParseError } = yamlLib();
  const found: YAMLError[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || !key.range) continue;
        const value = key.value;
        if (Number.isNaN(value)) continue; // NaN !== NaN: yaml never calls two .nan keys equal
        if (seen.has(value)) found.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        else seen.add(value);
      }
    },
  });
  return found;
}

function parseWithYamlDeep(file: string, text: string, lang: Lang): ParseResult {
  const { LineCounter } = yamlLib();
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = composeGuarded(text, lineCounter);
  } catch (error) {
    if (!(error instanceof LimitExceeded)) throw error;
    // The guard stops the parse mid-text, so the line counter knows only the lines before: count them all.
    return { diagnostics: [limitProblem(file, lang, new LineIndex(text), error.hit)] };
  }
  // yaml turns a stack overflow on very deep nesting into an error of its own: the limit's message.
  if (doc.errors.some((e) => /call stack/i.test(e.message))) throw new RangeError('too deep');
  const errors = [...doc.errors, ...duplicateKeys(doc)];
  const diagnostics = [
    ...withoutFollowOns(errors).map((e) => yamlDiagnostic(file, lang, lineCounter, e, text, 'error')),
    ...doc.warnings.map((e) => yamlDiagnostic(file, lang, lineCounter, e, text, 'warning')),
  ];
  if (errors.length > 0) return { diagnostics };

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
  const spanForPath: ParsedReport['spanFor'] = (path, target) => spanFor(doc, lineCounter, path, target);
  return { report: { file, data, text, spanFor: spanForPath, rangeOf: rangeFinder(text, spanForPath) }, diagnostics };
}

/**
 * Turns the bytes of one file into a parsed report, or into the reasons it is not one.
 * Pure: no file system access, so it is the same for the CLI, tests and a future editor integration.
 * The block reader takes the files it fully understands (nearly all reports), `yaml` the rest; both
 * give the same data and positions.
 */
export function parseReport(file: string, bytes: Uint8Array, lang: Lang): ParseResult {
  const decoded = decode(file, bytes, lang);
  if (!('text' in decoded)) return decoded;
  const { text } = decoded;
  let block;
  try {
    block = readBlockYaml(text);
  } catch (error) {
    if (error instanceof LimitExceeded) return { diagnostics: [limitProblem(file, lang, new LineIndex(text), error.hit)] };
    throw error;
  }
  if (!block) return parseWithYaml(file, text, lang);
  let lines: LineIndex | undefined;
  let viaYaml: ParsedReport | undefined;
  const spanForPath = (path: DataPath, target: Target): Span => {
    const span = spanOf(locateBlock(block.root, path), path.length, target, (lines ??= new LineIndex(text)));
    if (span !== UNKNOWN) return span;
    // The extent of a whole block mapping or list: `yaml` knows where it ends. Rare, so parsed only then.
    viaYaml ??= parseWithYaml(file, text, lang).report!;
    return viaYaml.spanFor(path, target);
  };
  return { report: { file, data: block.data, text, spanFor: spanForPath, rangeOf: rangeFinder(text, spanForPath, () => (lines ??= new LineIndex(text))) }, diagnostics: [] };
}

/** `parseReport` with `yaml` only, for tests that check the block reader against it. */
export function parseReportWithYaml(file: string, bytes: Uint8Array, lang: Lang): ParseResult {
  const decoded = decode(file, bytes, lang);
  return 'text' in decoded ? parseWithYaml(file, decoded.text, lang) : decoded;
}
