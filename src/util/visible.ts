/**
 * Text from a report or a file name made safe for a terminal or a CI log: control characters and
 * the bidirectional-text controls are shown as escapes (`\n`, `\x1b`, `\u202e`) instead of acting.
 * A value like «Oslo\n::error file=x::forged» can then neither start a line GitHub Actions reads as
 * a command, nor move the cursor, ring the bell or reverse the text on screen.
 */
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 controls, DEL, C1 controls; bidi embeddings, overrides and isolates, and the direction marks.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string, options: { keepTabs?: boolean } = {}): string {
  return text.replace(UNSAFE, (c) => {
    if (c === '\t' && options.keepTabs) return c;
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

// The characters no machine-readable output should carry raw: C0 and C1 controls and DEL (except
// tab and line breaks where the format itself puts them), the bidi controls, and the Unicode line
// separators JavaScript and some viewers take for line ends.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;
const escapeUnsafe = (text: string) => text.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * JSON (json, sarif, summary json) with the characters JSON.stringify leaves raw written as \u
 * escapes: the same document for a parser, but a terminal, a log or a code review shows no bidi
 * reversal and no C1 control.
 */
export function safeJson(value: unknown): string {
  return `${escapeUnsafe(JSON.stringify(value, null, 2))}\n`;
}

/**
 * A line of a text format that CI logs print (junit, csv, a diff): a line that starts with «::»
 * (after any spaces) would be read by GitHub Actions as a workflow command («::add-mask::»,
 * «::stop-commands::»). Its first colon is written as the escape `\x3a`, as `visible` writes
 * other characters that must not act.
 */
export function noWorkflowCommand(line: string): string {
  return line.replace(/^(\s*):(?=:)/, '$1\\x3a');
}

/**
 * `safeJson` of a document with one long array, a piece at a time: `envelope(marker, end)` is the
 * document with `marker` standing for the array. The text before the array is taken from it at the
 * start and the text after it at the end (`end` true), so totals that follow the array can be
 * counted while it is written. The same text as `safeJson` of the whole.
 */
export function* safeJsonPieces(envelope: (marker: string, end: boolean) => unknown, items: Iterable<unknown>): Generator<string> {
  // No report's text reaches the envelope, but a form's rule descriptions do: a marker no text can guess.
  const marker = `\u0000${Math.random().toString(36).slice(2)}\u0000`;
  const quoted = JSON.stringify(marker);
  const text = (end: boolean) => JSON.stringify(envelope(marker, end), null, 2);
  const start = text(false);
  const at = start.indexOf(quoted);
  const indent = /^ */.exec(start.slice(start.lastIndexOf('\n', at) + 1))![0];
  const inner = `${indent}  `;
  yield `${escapeUnsafe(start.slice(0, at))}[`;
  let first = true;
  for (const item of items) {
    yield `${first ? '' : ','}\n${inner}${escapeUnsafe(JSON.stringify(item, null, 2).replace(/\n/g, `\n${inner}`))}`;
    first = false;
  }
  const end = text(true);
  yield `${first ? '' : `\n${indent}`}]${escapeUnsafe(end.slice(end.indexOf(quoted) + quoted.length))}\n`;
}
