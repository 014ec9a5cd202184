/**
 * Text from a report or a file name made safe for a terminal or a CI log: control characters and
 * the bidirectional-text controls are shown as escapes (`\n`, `\x1b`, `\u202e`) instead of acting.
 * A value like «Oslo\n::error file=x::forged» can then neither start a line GitHub Actions reads as
 * a command, nor move the cursor, ring the bell or reverse the text on screen.
 */
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// C0 controls, DEL, C1 controls; bidi embeddings, overrides and isolates, and the direction marks.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
