import { resolvePlain } from './core-scalars.js';
import { tooManyKeys } from './guard.js';
import { LIMITS } from './limits.js';
import { walk, type DataPath, type Extent, type Reached } from './positions.js';

/**
 * A one-pass reader for the plain block style reports are written in (mappings, lists, plain and
 * quoted one-line scalars, `|` and `>` texts, comments, one-line `[a, b]` lists, LF or CRLF), giving
 * the data and where each key and value sits. It reads nothing it is unsure of: at the first anchor,
 * tag, flow mapping, multi-line plain or quoted scalar, escape, tab, lone CR, duplicate key or odd
 * indentation it gives up, and the caller parses the file with `yaml`, which reports problems
 * properly. A mapping with more keys than the limit it refuses as the input guard does (guard.ts),
 * throwing `LimitExceeded` at the same key. Where it does read a file, the data and positions equal `yaml`'s (property-tested), so
 * it is only a speed-up: `yaml` took about 3 ms a report, this well under one.
 */

/** Where a value sits, with offsets into the text; `end` as `yaml`'s `range[1]`. */
export type PositionNode =
  | { kind: 'scalar'; start: number; end: number; isNull: boolean }
  /**
   * Collections. `end` is known for those written inline (`[a, b]`, `{}`); where a block collection
   * ends depends on `yaml`'s handling of trailing comments, so it is left undefined.
   */
  | { kind: 'map'; start: number; end?: number; entries: Map<string, MapEntry> }
  | { kind: 'seq'; start: number; end?: number; items: PositionNode[] };

interface MapEntry {
  keyStart: number;
  keyEnd: number;
  value: PositionNode;
}

export interface BlockDocument {
  data: Record<string, unknown>;
  root: PositionNode;
}

const GIVE_UP: unique symbol = Symbol('give up');
/** Well inside the loader's nesting limit, so a file near that limit is judged by `yaml`. */
const MAX_DEPTH = 32;

const SPACE = 0x20;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const CR = 0x0d;

/** Keys this reader accepts: the ASCII snake_case the schemas use, which `yaml` reads as plain strings. */
function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
}
function isKeyChar(c: number): boolean {
  return isKeyStart(c) || (c >= 0x30 && c <= 0x39);
}
/** Keys that `yaml` would read as something other than their text, or that JavaScript treats specially. */
const SPECIAL_KEYS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '__proto__']);

/** Characters that may not start a plain scalar (or start something this reader leaves to `yaml`). */
const INDICATORS = new Set([...'&*!|>%@`,[]{}#\'"'].map((c) => c.charCodeAt(0)));

/** Inside `[…]`: characters that end or nest flow items, or that this reader leaves to `yaml`. */
const FLOW_STOP = new Set([...'[]{}#:"\'\t'].map((c) => c.charCodeAt(0)));

class Reader {
  /** Start of the current line. */
  private lineStart = 0;
  /** End of the current line's content (its `\n`, its `\r\n`, or the end of the text). */
  private lineEnd = 0;
  /** Start of the line after it. */
  private next = 0;
  /** First non-space character of the current line. */
  private at = 0;
  /** Spaces before it; -1 at the end of the text. */
  private indent = -1;

  /** Keys and values read so far, counted so that a file the input guard refuses for its size is left to it. */
  private nodes = 0;

  constructor(private readonly text: string) {}

  /**
   * One more node. Past the limit the reader gives up and `yaml`'s input guard refuses the file; this
   * count is never below the guard's (it also counts empty values), so both readers refuse the same files.
   */
  private count(): void {
    if (++this.nodes > LIMITS.maxNodes) throw GIVE_UP;
  }

  read(): BlockDocument {
    this.seekContent(0);
    if (this.indent === 0 && this.text.startsWith('---', this.at) && this.restIsEmpty(this.at + 3)) this.seekContent(this.next);
    if (this.indent !== 0 || !this.looksLikeKey(this.at)) throw GIVE_UP;
    const { value, node } = this.map(0, 1);
    if (!this.atEnd()) throw GIVE_UP;
    return { data: value, root: node };
  }

  private atEnd(): boolean {
    return this.indent === -1;
  }

  /** Moves to the next line with content, skipping blank and comment lines. */
  private seekContent(from: number): void {
    const t = this.text;
    let p = from;
    while (p < t.length) {
      let i = p;
      while (t.charCodeAt(i) === SPACE) i++;
      let newline = t.indexOf('\n', i);
      if (newline === -1) newline = t.length;
      const end = t.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
      if (i >= end || t.charCodeAt(i) === HASH) {
        p = newline + 1;
        continue;
      }
      if (t.charCodeAt(i) === 0x09) throw GIVE_UP; // a tab in the indentation
      this.lineStart = p;
      this.lineEnd = end;
      this.next = newline + 1;
      this.at = i;
      this.indent = i - p;
      return;
    }
    this.lineStart = this.lineEnd = this.next = this.at = t.length;
    this.indent = -1;
  }

  /** True when only spaces and a comment follow `from` on the current line. */
  private restIsEmpty(from: number): boolean {
    let i = from;
    while (i < this.lineEnd && this.text.charCodeAt(i) === SPACE) i++;
    return i === this.lineEnd || (i > from && this.text.charCodeAt(i) === HASH);
  }

  /** `key:` followed by a space or the end of the line. */
  private looksLikeKey(i: number): boolean {
    const t = this.text;
    if (!isKeyStart(t.charCodeAt(i))) return false;
    let j = i + 1;
    while (isKeyChar(t.charCodeAt(j))) j++;
    return t.charCodeAt(j) === COLON && (j + 1 === this.lineEnd || t.charCodeAt(j + 1) === SPACE);
  }

  private isEntry(i: number): boolean {
    return this.text.charCodeAt(i) === DASH && (i + 1 === this.lineEnd || this.text.charCodeAt(i + 1) === SPACE);
  }

  /** A block mapping whose keys start at column `indent`; the first key is at `this.at`. */
  private map(indent: number, depth: number): { value: Record<string, unknown>; node: PositionNode } {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    this.count();
    const t = this.text;
    const value: Record<string, unknown> = {};
    const entries = new Map<string, MapEntry>();
    const start = this.at;
    for (;;) {
      const keyStart = this.at;
      if (!isKeyStart(t.charCodeAt(keyStart))) throw GIVE_UP;
      // The limit `yaml`'s input guard sets, at the same key (duplicates were given up on before).
      if (entries.size === LIMITS.maxMappingKeys) throw tooManyKeys(keyStart);
      this.count();
      let i = keyStart + 1;
      while (isKeyChar(t.charCodeAt(i))) i++;
      const keyEnd = i;
      if (t.charCodeAt(i) !== COLON) throw GIVE_UP;
      i++;
      if (i < this.lineEnd && t.charCodeAt(i) !== SPACE) throw GIVE_UP;
      const key = t.slice(keyStart, keyEnd);
      // YAML limits an implicit key to 1024 characters; `yaml` reports a longer one as an error.
      if (SPECIAL_KEYS.has(key) || entries.has(key) || keyEnd - keyStart > 1024) throw GIVE_UP;
      while (t.charCodeAt(i) === SPACE) i++;
      const entry = this.value(i, indent, depth, true);
      value[key] = entry.value;
      entries.set(key, { keyStart, keyEnd, value: entry.node });
      if (this.indent < indent) break;
      if (this.indent > indent || this.isEntry(this.at)) throw GIVE_UP;
    }
    return { value, node: { kind: 'map', start, entries } };
  }

  /** A block list whose `-` marks are at column `indent`; `mayEndAtKey` when it sits at its parent key's column. */
  private seq(indent: number, depth: number, mayEndAtKey: boolean): { value: unknown[]; node: PositionNode } {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    this.count();
    const t = this.text;
    const value: unknown[] = [];
    const items: PositionNode[] = [];
    const start = this.at;
    for (;;) {
      let i = this.at + 1;
      while (t.charCodeAt(i) === SPACE) i++;
      let item;
      if (i >= this.lineEnd || t.charCodeAt(i) === HASH) {
        // A bare `-`: the item is the block below it; an empty item is left to yaml.
        this.seekContent(this.next);
        if (this.indent <= indent) throw GIVE_UP;
        item = this.isEntry(this.at) ? this.seq(this.indent, depth + 1, false) : this.map(this.indent, depth + 1);
      } else if (this.isEntry(i)) {
        this.at = i;
        item = this.seq(i - this.lineStart, depth + 1, false);
      } else if (this.looksLikeKey(i)) {
        this.at = i;
        item = this.map(i - this.lineStart, depth + 1);
      } else {
        item = this.value(i, indent, depth, false);
        if (item.node.kind === 'scalar' && item.node.isNull) throw GIVE_UP;
      }
      value.push(item.value);
      items.push(item.node);
      if (this.indent < indent) break;
      if (this.indent > indent) throw GIVE_UP;
      if (!this.isEntry(this.at)) {
        if (mayEndAtKey) break;
        throw GIVE_UP;
      }
    }
    return { value, node: { kind: 'seq', start, items } };
  }

  /**
   * The value that starts at `i` on the current line, after `key:` or `- `, in a collection at
   * column `indent`. Leaves the reader at the next line with content.
   */
  private value(i: number, indent: number, depth: number, inMap: boolean): { value: unknown; node: PositionNode } {
    this.count();
    const t = this.text;
    const c = t.charCodeAt(i);
    if (i >= this.lineEnd || c === HASH) {
      this.seekContent(this.next);
      if (this.indent > indent) {
        return this.isEntry(this.at) ? this.seq(this.indent, depth + 1, false) : this.map(this.indent, depth + 1);
      }
      if (inMap && this.indent === indent && this.isEntry(this.at)) return this.seq(indent, depth + 1, true);
      return { value: null, node: { kind: 'scalar', start: i, end: i, isNull: true } };
    }
    if (c === 0x7c /* | */ || c === 0x3e /* > */) return this.blockScalar(i, indent);
    let result: { value: unknown; node: PositionNode };
    let after: number;
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
      const q = this.quoted(i);
      after = q.end;
      result = { value: q.value, node: { kind: 'scalar', start: i, end: q.end, isNull: false } };
    } else if (c === 0x7b /* { */ && t.charCodeAt(i + 1) === 0x7d) {
      after = i + 2;
      result = { value: {}, node: { kind: 'map', start: i, end: after, entries: new Map() } };
    } else if (c === 0x5b /* [ */) {
      const flow = this.flowSeq(i);
      after = flow.node.end!;
      result = flow;
    } else {
      if (INDICATORS.has(c)) throw GIVE_UP;
      const next = t.charCodeAt(i + 1);
      if ((c === DASH || c === 0x3f /* ? */ || c === COLON) && (i + 1 === this.lineEnd || next === SPACE)) throw GIVE_UP;
      let end = i;
      let j = i;
      for (; j < this.lineEnd; j++) {
        const d = t.charCodeAt(j);
        if (d === SPACE) {
          if (t.charCodeAt(j + 1) === HASH) break;
          continue;
        }
        // `a: b: c` is an error for yaml; a tab could start a comment.
        if ((d === COLON && (j + 1 === this.lineEnd || t.charCodeAt(j + 1) === SPACE)) || d === 0x09) throw GIVE_UP;
        end = j + 1;
      }
      const text = t.slice(i, end);
      const scalar = resolvePlain(text);
      this.seekContent(this.next);
      if (this.indent > indent) throw GIVE_UP; // a plain scalar continued on the next line
      return { value: scalar, node: { kind: 'scalar', start: i, end, isNull: scalar === null } };
    }
    if (!this.restIsEmpty(after)) throw GIVE_UP;
    this.seekContent(this.next);
    if (this.indent > indent) throw GIVE_UP;
    return result;
  }

  /** A one-line quoted scalar at `i`, without escapes. */
  private quoted(i: number): { value: string; end: number } {
    const t = this.text;
    if (t.charCodeAt(i) === 0x22) {
      const close = t.indexOf('"', i + 1);
      if (close === -1 || close > this.lineEnd) throw GIVE_UP;
      const inner = t.slice(i + 1, close);
      if (inner.includes('\\')) throw GIVE_UP;
      return { value: inner, end: close + 1 };
    }
    let j = i + 1;
    for (;;) {
      j = t.indexOf("'", j);
      if (j === -1 || j > this.lineEnd) throw GIVE_UP;
      if (t.charCodeAt(j + 1) !== 0x27) break;
      j += 2;
    }
    return { value: t.slice(i + 1, j).replaceAll("''", "'"), end: j + 1 };
  }

  /** `[a, "b", c]` on one line, of scalars only: table headings in free text are written so. */
  private flowSeq(i: number): { value: unknown[]; node: PositionNode } {
    const t = this.text;
    const value: unknown[] = [];
    const items: PositionNode[] = [];
    let j = i + 1;
    while (t.charCodeAt(j) === SPACE) j++;
    if (t.charCodeAt(j) === 0x5d /* ] */) return { value, node: { kind: 'seq', start: i, end: j + 1, items } };
    for (;;) {
      this.count();
      const c = t.charCodeAt(j);
      let end: number;
      if (c === 0x22 || c === 0x27) {
        const q = this.quoted(j);
        value.push(q.value);
        items.push({ kind: 'scalar', start: j, end: q.end, isNull: false });
        end = q.end;
      } else {
        if (INDICATORS.has(c) || c === DASH || c === 0x3f || c === COLON) throw GIVE_UP;
        let k = j;
        end = j;
        for (; k < this.lineEnd; k++) {
          const d = t.charCodeAt(k);
          if (d === 0x2c /* , */ || d === 0x5d /* ] */) break;
          if (d === SPACE) continue;
          if (FLOW_STOP.has(d)) throw GIVE_UP;
          end = k + 1;
        }
        const scalar = resolvePlain(t.slice(j, end));
        if (end === j || scalar === null) throw GIVE_UP;
        value.push(scalar);
        items.push({ kind: 'scalar', start: j, end, isNull: false });
      }
      j = end;
      while (t.charCodeAt(j) === SPACE) j++;
      const d = t.charCodeAt(j);
      if (d === 0x5d) return { value, node: { kind: 'seq', start: i, end: j + 1, items } };
      if (d !== 0x2c || j >= this.lineEnd) throw GIVE_UP;
      j++;
      while (t.charCodeAt(j) === SPACE) j++;
      if (t.charCodeAt(j) === 0x5d || j >= this.lineEnd) throw GIVE_UP; // a trailing comma
    }
  }

  /** A `|` (literal) or `>` (folded) text, with clip or strip (`-`) chomping; keep (`+`) is left to yaml. */
  private blockScalar(i: number, parentIndent: number): { value: string; node: PositionNode } {
    const t = this.text;
    const folded = t.charCodeAt(i) === 0x3e;
    let h = i + 1;
    const strip = t.charCodeAt(h) === DASH;
    if (strip) h++;
    if (!this.restIsEmpty(h)) throw GIVE_UP; // keep chomping, an indentation digit, or text after the mark
    let p = this.next;
    let contentIndent = -1;
    let body = '';
    let emptyLines = 0;
    let end = -1;
    while (p < t.length) {
      let newline = t.indexOf('\n', p);
      if (newline === -1) newline = t.length;
      const lineEnd = t.charCodeAt(newline - 1) === CR ? newline - 1 : newline;
      let s = p;
      while (t.charCodeAt(s) === SPACE) s++;
      const spaces = s - p;
      if (s === lineEnd) {
        // An empty line: part of the text unless it is the last. More spaces than the text's indentation would be text.
        if (contentIndent === -1 || spaces > contentIndent) throw GIVE_UP;
        emptyLines++;
        p = newline + 1;
        continue;
      }
      if (contentIndent === -1) {
        if (spaces <= parentIndent) throw GIVE_UP; // an empty text
        contentIndent = spaces;
      } else if (spaces < contentIndent) {
        if (t.charCodeAt(s) === 0x09) throw GIVE_UP;
        break;
      }
      const line = t.slice(p + contentIndent, lineEnd);
      if (folded && (line.charCodeAt(0) === SPACE || line.charCodeAt(0) === 0x09)) throw GIVE_UP; // a more-indented line
      if (end === -1) body = line;
      else if (folded) body += emptyLines === 0 ? ` ${line}` : `${'\n'.repeat(emptyLines)}${line}`;
      else body += `${'\n'.repeat(emptyLines + 1)}${line}`;
      emptyLines = 0;
      end = Math.min(newline + 1, t.length);
      p = newline + 1;
    }
    if (end === -1) throw GIVE_UP;
    this.seekContent(end);
    return { value: strip ? body : `${body}\n`, node: { kind: 'scalar', start: i, end, isNull: false } };
  }
}

/**
 * Reads `text` (without a byte-order mark) when it is in the plain block style this reader knows;
 * undefined otherwise, and the caller must use `yaml`.
 */
export function readBlockYaml(text: string): BlockDocument | undefined {
  // Windows line ends (CRLF) are read; a CR on its own is left to yaml.
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  try {
    return new Reader(text).read();
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** A reached key or value as offsets; a map entry's key is recorded as a scalar of its own. */
function extentOf(node: PositionNode | null): Extent | null {
  return node && { start: node.start, end: node.end, isNull: node.kind === 'scalar' && node.isNull };
}

/** Walks the block reader's positions along a data path, as `locate` walks a `yaml` document. */
export function locateBlock(root: PositionNode, path: DataPath): Reached {
  return walk<PositionNode>(
    root,
    path,
    (node, segment) => {
      if (node.kind === 'map') {
        const entry = node.entries.get(String(segment));
        return entry ? { key: { kind: 'scalar', start: entry.keyStart, end: entry.keyEnd, isNull: false }, node: entry.value } : undefined;
      }
      const item = node.kind === 'seq' && typeof segment === 'number' ? node.items[segment] : undefined;
      return item ? { key: null, node: item } : undefined;
    },
    extentOf,
  );
}
