import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { Span } from '../diagnostics.js';

/** A path into the report's data, as JSON Pointer segments (keys and list indexes). */
export type DataPath = readonly (string | number)[];

interface Found {
  /** The deepest node reached along the path (the value itself when the whole path exists). */
  node: Node | null;
  /** The key of the last mapping entry reached, if the last step went through a mapping. */
  key: Node | null;
  /** How many segments of the path were found. */
  depth: number;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/** Walks the parsed document along a data path, as far as the path exists. */
export function locate(doc: Document, path: DataPath): Found {
  let node = (doc.contents as Node | null) ?? null;
  let key: Node | null = null;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === String(segment));
      if (!pair) break;
      key = (pair.key as Node) ?? null;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      key = null;
      node = item;
    } else {
      break;
    }
    depth++;
  }
  return { node, key, depth };
}

export function spanOfRange(lineCounter: LineCounter, start: number, end: number): Span {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}

function spanOfNode(lineCounter: LineCounter, node: Node | null): Span | undefined {
  if (!node?.range) return undefined;
  return spanOfRange(lineCounter, node.range[0], node.range[1]);
}

/**
 * Where a problem about the value at `path` should point. `target` chooses what the user must fix:
 * the value (wrong type, out of range), the key (unknown field), or the owning entry (a field is missing
 * from the mapping at `path`, so point at the key that opens that mapping).
 */
export function spanFor(
  doc: Document,
  lineCounter: LineCounter,
  path: DataPath,
  target: 'value' | 'key' | 'owner',
): Span {
  const found = locate(doc, path);
  const complete = found.depth === path.length;
  let span: Span | undefined;
  if (complete && target === 'key') span = spanOfNode(lineCounter, found.key);
  if (complete && target === 'owner') span = spanOfNode(lineCounter, found.key) ?? firstLineOf(lineCounter, found.node);
  // An empty value (`felt:` with nothing after it) has no useful range of its own: point at its key.
  if (!span && complete && found.node && !(isScalar(found.node) && found.node.value === null)) {
    span = spanOfNode(lineCounter, found.node);
  }
  span ??= spanOfNode(lineCounter, found.key) ?? spanOfNode(lineCounter, found.node);
  return span ?? { line: 1, col: 1, endLine: 1, endCol: 1 };
}

/** The first line of a node, for a mapping at the top of the file that has no key of its own. */
function firstLineOf(lineCounter: LineCounter, node: Node | null): Span | undefined {
  if (!node?.range) return undefined;
  const a = lineCounter.linePos(node.range[0]);
  return { line: a.line, col: a.col, endLine: a.line, endCol: a.col };
}
