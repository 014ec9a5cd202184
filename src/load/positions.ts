import type { Document, LineCounter, Node } from 'yaml';
import type { Span } from '../diagnostics.js';
import { FILE_START } from '../diagnostics.js';
import { yamlLib } from './yaml-lib.js';

/** A path into the report's data, as JSON Pointer segments (keys and list indexes). */
export type DataPath = readonly (string | number)[];

/**
 * What a problem about a path should point at: the value (wrong type, out of range), the key
 * (unknown field), or the owning entry (a field is missing from the mapping at the path).
 */
export type Target = 'value' | 'key' | 'owner';

/** A key or value as offsets into the text; `end` undefined where the reader does not know it. */
export interface Extent {
  start: number;
  end: number | undefined;
  isNull: boolean;
}

/** What walking a data path through a document reached. */
export interface Reached {
  /** The deepest value reached along the path (the value itself when the whole path exists). */
  node: Extent | null;
  /** The key of the last mapping entry reached, if the last step went through a mapping. */
  key: Extent | null;
  /** How many segments of the path were found. */
  depth: number;
}

/** Offsets to lines and columns: `yaml`'s LineCounter, or the block reader's LineIndex. */
export interface Lines {
  linePos(offset: number): { line: number; col: number };
}

/** Needs an extent the reader does not know; the caller asks `yaml` instead. */
export const UNKNOWN = 'unknown' as const;

/** Where a problem about the path should point, by the rules both readers share. */
export function spanOf(reached: Reached, pathLength: number, target: Target, lines: Lines): Span | typeof UNKNOWN {
  const { node, key } = reached;
  const complete = reached.depth === pathLength;
  const whole = (e: Extent | null): Span | typeof UNKNOWN | undefined => (!e ? undefined : e.end === undefined ? UNKNOWN : spanOfRange(lines, e.start, e.end));
  let span: Span | typeof UNKNOWN | undefined;
  if (complete && target === 'key') span = whole(key);
  if (complete && target === 'owner') {
    // A mapping with no key of its own (the top of the file, a list item): where it starts.
    span = whole(key) ?? (node ? spanOfRange(lines, node.start, node.start) : undefined);
  }
  // An empty value (`felt:` with nothing after it) has no useful extent of its own: point at its key.
  if (!span && complete && node && !node.isNull) span = whole(node);
  span ??= whole(key) ?? whole(node);
  return span ?? FILE_START;
}

function extentOf(node: Node | null): Extent | null {
  if (!node?.range) return null;
  return { start: node.range[0], end: node.range[1], isNull: yamlLib().isScalar(node) && node.value === null };
}

/** One step down a document: the entry under `segment`, with its key if it came from a mapping. */
export type Step<N> = (node: N, segment: string | number) => { key: N | null; node: N } | undefined;

/**
 * Walks a document along a data path, as far as the path exists, with the reader's own `step`; both
 * readers walk alike, so their positions agree. `extent` turns a reached node into offsets.
 */
export function walk<N>(root: N, path: DataPath, step: Step<N>, extent: (node: N | null) => Extent | null): Reached {
  let node: N = root;
  let key: N | null = null;
  let depth = 0;
  for (const segment of path) {
    const next = step(node, segment);
    if (!next) break;
    ({ key, node } = next);
    depth++;
  }
  return { node: extent(node), key: extent(key), depth };
}

/** Walks a `yaml` document along a data path: keys match by their text, list items by index. */
export function locate(doc: Document, path: DataPath): Reached {
  const { isMap, isScalar, isSeq } = yamlLib();
  const step: Step<Node | null> = (node, segment) => {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      return pair ? { key: (pair.key as Node) ?? null, node: (pair.value as Node | null) ?? null } : undefined;
    }
    const item = isSeq(node) && typeof segment === 'number' ? (node.items[segment] as Node | undefined) : undefined;
    return item ? { key: null, node: item } : undefined;
  };
  return walk<Node | null>((doc.contents as Node | null) ?? null, path, step, extentOf);
}

/** Where a problem about the value at `path` in a `yaml` document should point. */
export function spanFor(doc: Document, lineCounter: LineCounter, path: DataPath, target: Target): Span {
  const span = spanOf(locate(doc, path), path.length, target, lineCounter);
  return span === UNKNOWN ? FILE_START : span;
}

export function spanOfRange(lines: Lines, start: number, end: number): Span {
  const a = lines.linePos(start);
  const b = lines.linePos(Math.max(start, end));
  return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}
