import { own } from './util/own.js';

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
  /** The data the problem is about, as a JSON Pointer into the report («/hovedmaal/…»), when known. */
  path?: string;
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

/**
 * Rule ids are ASCII, so plain code-unit order: `localeCompare` would load the collation data
 * (5–7 ms of a one-file run) to say the same thing.
 */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.col - b.col || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** A data path as a JSON Pointer, the form tools and templates use to find a value. */
export function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A message and its hint, as one source (a rule, the message catalogue) words them. */
export interface Words {
  message: string;
  hint?: string | undefined;
}

/**
 * The one factory every stage builds its findings with (load, schema, rules, cross-report, I/O), so
 * that every diagnostic has the same shape and the same hint policy: a hint only when there is one
 * to give, never an empty line.
 */
export function diagnostic(file: string, span: Span, severity: Severity, ruleId: string, words: Words, path?: readonly (string | number)[]): Diagnostic {
  return {
    file,
    ...span,
    severity,
    ruleId,
    // Copied: a message quoting a value from the report would otherwise keep the report's whole text.
    message: own(words.message),
    ...(words.hint ? { hint: own(words.hint) } : {}),
    ...(path ? { path: toPointer(path) } : {}),
  };
}

/** A problem about a file as a whole (missing, unreadable, no browser): no line to point at. */
export const NO_POSITION: Span = { line: 0, col: 0, endLine: 0, endCol: 0 };
