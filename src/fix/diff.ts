import { noWorkflowCommand, visible } from '../util/visible.js';

/**
 * A unified diff of a file before and after `fix`, for --dry-run. Fixes change text within lines and
 * never add or remove one, so lines pair up by number; three lines of context, as `diff -u` gives.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 3): string {
  const a = before.split('\n');
  const b = after.split('\n');
  if (a.length !== b.length) throw new Error('unifiedDiff: fixes never change the number of lines');
  const changed = a.flatMap((line, i) => (line !== b[i] ? [i] : []));
  if (changed.length === 0) return '';
  // Changed lines closer than two contexts apart share one hunk.
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const from = Math.max(0, i - context);
    const to = Math.min(a.length - 1, i + context);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1] + 1) last[1] = to;
    else hunks.push([from, to]);
  }
  // The file name and the lines shown, never acting: controls and bidi as escapes (tabs kept), no «::» line.
  // (A CRLF file's line end is not shown: the diff is for reading, and every line would end in «\r».)
  const show = (mark: string, text: string) => noWorkflowCommand(`${mark}${visible(text.replace(/\r$/, ''), { keepTabs: true })}`);
  const out = [show('--- a/', file), show('+++ b/', file)];
  for (const [from, to] of hunks) {
    const size = to - from + 1;
    out.push(`@@ -${from + 1},${size} +${from + 1},${size} @@`);
    for (let i = from; i <= to;) {
      if (a[i] === b[i]) {
        out.push(show(' ', a[i++]!));
        continue;
      }
      // A run of changed lines: all the old ones, then all the new ones.
      let end = i;
      while (end <= to && a[end] !== b[end]) end++;
      for (let j = i; j < end; j++) out.push(show('-', a[j]!));
      for (let j = i; j < end; j++) out.push(show('+', b[j]!));
      i = end;
    }
  }
  return `${out.join('\n')}\n`;
}
