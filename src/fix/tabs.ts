import { parseReport } from '../load/parse.js';
import type { Lang } from '../messages/index.js';
import { applyFixes, type Fix } from './plan.js';

/** What `fix` makes of tabs in a report's indentation, which YAML does not allow. */
export type TabRepair =
  /** One reading: every indentation tab replaced by spaces; the text now reads as YAML. */
  | { kind: 'fixed'; text: string; fixes: Fix[] }
  /** Several tab widths give files that read differently: left for the user, with the widths. */
  | { kind: 'ambiguous'; line: number; widths: number[] }
  /** No tab width makes the file read as YAML: something else is wrong too. */
  | { kind: 'unreadable'; line: number };

/** Tab widths editors use; the file's own indentation step is tried first. */
const WIDTHS = [2, 4, 8];

/** `key: |`, `- >-`, `key: |2 # …`: a line whose block scalar starts on the lines below. */
const OPENS_BLOCK = /(?:^|:|-)[ \t]+[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/;

interface Expanded {
  text: string;
  fixes: Fix[];
  /** One-based numbers of the lines whose indentation had a tab. */
  lines: number[];
  /** Indentations of lines indented with spaces only, for the file's own step. */
  spaceIndents: number[];
}

/** The column white space reaches, with tab stops every `width`, and how many characters it took to reach `limit`. */
function columns(lead: string, width: number, limit = Infinity): { col: number; used: number } {
  let col = 0;
  let used = 0;
  while (used < lead.length && col < limit) col = lead[used++] === '\t' ? (Math.floor(col / width) + 1) * width : col + 1;
  return { col, used };
}

/**
 * The text with the tabs in its indentation expanded to tab stops of `width`. Inside a block scalar
 * (`|`, `>`) only its indentation is: a tab after that belongs to the text and stays.
 */
function expand(text: string, width: number): Expanded {
  const out: Expanded = { text, fixes: [], lines: [], spaceIndents: [] };
  // The block scalar being read: how deep the node that opened it is, and its own indentation once seen.
  let block: { parent: number; indent?: number } | undefined;
  let offset = 0;
  text.split('\n').forEach((row, i) => {
    const lead = /^[ \t]*/.exec(row)![0];
    const start = offset;
    offset += row.length + 1;
    if (lead.length === row.replace(/\r$/, '').length) return; // a blank line: nothing to indent
    let reach = columns(lead, width);
    if (block) {
      // Spaces that already go deeper than the key set the block's indentation (a tab after them is
      // the text's own); otherwise its tabs are indentation too.
      const spaces = /^ */.exec(lead)![0].length;
      block.indent ??= spaces > block.parent ? spaces : reach.col > block.parent ? reach.col : undefined;
      if (block.indent !== undefined && reach.col >= block.indent) reach = columns(lead, width, block.indent);
      else block = undefined;
    }
    if (!block) {
      if (!lead.includes('\t') && lead.length > 0 && row[lead.length] !== '#') out.spaceIndents.push(reach.col);
      if (OPENS_BLOCK.test(row)) {
        // The block's lines go deeper than the key that opened it (`- key: |`: the key after the dash).
        const dashes = /^(?:-[ \t]+)*/.exec(row.slice(lead.length))![0].length;
        const bare = /^(?:-[ \t]+)+[|>]/.test(row.slice(lead.length));
        block = { parent: reach.col + dashes - (bare ? 2 : 0) };
      }
    }
    const indentation = lead.slice(0, reach.used);
    if (!indentation.includes('\t')) return;
    out.lines.push(i + 1);
    out.fixes.push({ kind: 'innrykk', start, end: start + indentation.length, text: ' '.repeat(reach.col), was: indentation });
  });
  out.text = applyFixes(text, out.fixes);
  return out;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * Tabs in a report's indentation replaced by spaces, when exactly one reading is plausible: every tab
 * width that makes the file read as YAML (the file's own step, 2, 4, 8) gives the same data. Runs on
 * the text of a file that does not parse; undefined when no indentation has a tab.
 */
export function repairTabs(file: string, text: string, lang: Lang): TabRepair | undefined {
  const first = expand(text, 2);
  if (first.lines.length === 0) return undefined;
  const step = first.spaceIndents.reduce(gcd, 0);
  const widths = [...new Set([...(step >= 2 && step <= 8 ? [step] : []), ...WIDTHS])];
  const readings = new Map<string, { width: number; expanded: Expanded }[]>();
  for (const width of widths) {
    const expanded = width === 2 ? first : expand(text, width);
    const report = parseReport(file, new TextEncoder().encode(expanded.text), lang).report;
    if (!report) continue;
    const key = JSON.stringify(report.data);
    readings.set(key, [...(readings.get(key) ?? []), { width, expanded }]);
  }
  const line = first.lines[0]!;
  if (readings.size === 0) return { kind: 'unreadable', line };
  if (readings.size > 1) return { kind: 'ambiguous', line, widths: [...readings.values()].map((r) => r[0]!.width).sort((a, b) => a - b) };
  // One reading: written with the file's own step where that is among the widths that give it.
  const chosen = [...readings.values()][0]![0]!.expanded;
  return { kind: 'fixed', text: chosen.text, fixes: chosen.fixes };
}

/** A file's text as the parser reads it (UTF-8, no byte-order mark), for a repair made before parsing. */
export function sourceText(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
