import { visible } from '../../util/visible.js';
import type { Colors } from '../context.js';
import type { Section } from '../../parts/figure-table.js';

/** Columns padded to their widest cell; numbers (anything starting with a digit or sign) right-aligned. */
function table(rows: string[][], header: string[] | undefined, color: Colors): string[] {
  const all = header ? [header, ...rows] : rows;
  const widths: number[] = [];
  for (const row of all) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  const numeric = /^[−+\-\d]/;
  const line = (row: string[]) =>
    row
      .map((cell, i) => {
        const pad = ' '.repeat(widths[i]! - [...cell].length);
        return i > 0 && (numeric.test(cell) || cell === '') && header ? pad + cell : cell + pad;
      })
      .join('   ')
      .trimEnd();
  const out = all.map(line);
  if (header) out[0] = color.dim(out[0]!);
  return out;
}

/** The human view of `compute`: one titled table per section. */
export function formatFigures(heading: string, sections: readonly Section[], color: Colors): string {
  // A cell is one line: line breaks in a report's text fold to spaces, other controls show as escapes.
  const cell = (text: string) => visible(text.replace(/\r?\n/g, ' '));
  const out = [color.bold(cell(heading)), ''];
  for (const s of sections) {
    out.push(
      color.bold(cell(s.title)),
      ...table(
        s.rows.map((r) => r.map(cell)),
        s.header?.map(cell),
        color,
      ).map((l) => `  ${l}`),
      '',
    );
  }
  return out.join('\n');
}
