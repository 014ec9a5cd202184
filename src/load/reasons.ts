import { LastOne } from '../util/last-one.js';
import type { DataPath } from './positions.js';

/** Where a report's text and its values are: as much of a parsed report as finding a comment needs. */
export interface CommentSource {
  text: string;
  rangeOf(path: DataPath, target: 'value' | 'key'): { start: number; end: number } | undefined;
}

/** A mapping entry with no value, or null, or an empty list, and no comment of its own. */
const EMPTY_ENTRY = /^[^#:]+:\s*(null|~|\[\s*\])?\s*$/;

/**
 * The YAML comment beside the value at `path`: after it on its own line (`felt: null  # grunnen`),
 * else the comment lines right above its key, with no blank line between (or above a run of
 * values left empty just before it: «# Feltene under står tomme.» over several). The reason a value is
 * not answered is written there, beside the value it explains. Only asked for values that hold no
 * text (null, an empty list), so a «#» on the line cannot be inside a string.
 */
export function commentBeside(source: CommentSource, path: DataPath): string | undefined {
  // Asked for the same values by several rules (ikke-utfylt, E1, W20): found once per report.
  let known = asked.get(source);
  if (!known) asked.set(source, (known = new Map()));
  const key = path.join('\u0000');
  if (known.has(key)) return known.get(key);
  const found = findComment(source, path);
  known.set(key, found);
  return found;
}

const asked = new LastOne<CommentSource, Map<string, string | undefined>>();

function findComment(source: CommentSource, path: DataPath): string | undefined {
  const at = source.rangeOf(path, 'key') ?? source.rangeOf(path, 'value');
  if (!at) return undefined;
  const { text } = source;
  const lineStart = text.lastIndexOf('\n', at.start - 1) + 1;
  const newline = text.indexOf('\n', at.end);
  const rest = text.slice(at.end, newline === -1 ? text.length : newline);
  const same = /(?:^|\s)#(.*)$/.exec(rest)?.[1]?.trim();
  if (same) return same;
  const above: string[] = [];
  const indent = at.start - lineStart;
  for (let end = lineStart - 1; end > 0;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const raw = text.slice(start, end);
    const line = raw.trim();
    end = start - 1;
    if (line.startsWith('#')) above.unshift(line.replace(/^#+\s?/, ''));
    else if (!above.length && raw.length - raw.trimStart().length === indent && EMPTY_ENTRY.test(line)) continue;
    else break;
  }
  const joined = above.join(' ').trim();
  return joined || undefined;
}
