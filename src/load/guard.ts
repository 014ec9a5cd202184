import { LIMITS } from './limits.js';

/** A limit a file broke, and the offset of the token that broke it (where the message points). */
export interface LimitHit {
  code: 'load/too-deep' | 'load/alias-bomb' | 'load/too-many-keys' | 'load/too-many-values';
  offset: number;
  limit: number;
}

/** Thrown by a reader at the first token past a limit; the loader turns it into that limit's diagnostic. */
export class LimitExceeded extends Error {
  constructor(readonly hit: LimitHit) {
    super(hit.code);
  }
}

/** The hit for the key at `offset` that is one more than a mapping may hold. */
export function tooManyKeys(offset: number): LimitExceeded {
  return new LimitExceeded({ code: 'load/too-many-keys', offset, limit: LIMITS.maxMappingKeys });
}

/** The lexer's own marks, which stand for no text of the source (see yaml's cst.ts). */
const DOCUMENT = '\x02';
const FLOW_END = '\x18';
const SCALAR = '\x1f';

interface Open {
  /** Column of a block collection; -1 for a flow collection. */
  col: number;
  kind: 'map' | 'seq';
  /** Keys (maps) or items (lists) so far. */
  count: number;
}

/**
 * Watches the lexical tokens of `yaml`'s Lexer as the parser takes them, and stops the parse at the
 * first token past a limit: nesting deeper than `maxDepth`, more aliases than `maxAliasCount`, more
 * keys in one mapping than `maxMappingKeys`, more nodes in the file than `maxNodes`. Constant work per token and memory bounded by the
 * nesting limit, so a hostile file costs no more than reading it; the parser, which would build a
 * node per token (a million-deep `[[[…` took a gigabyte), never sees the rest.
 *
 * Nesting and keys are counted the way the document will hold them: a block collection by the column
 * its keys or `-` marks stand in, a flow collection by its brackets. Depth counts as `tooDeep` in
 * parse.ts does (a collection inside more than `maxDepth` others), and a mapping's keys as the block
 * reader counts them, so both readers refuse the same files at the same place.
 */
export class InputGuard {
  /** Offset of the next token in the source. */
  private offset = 0;
  private lineStart = 0;
  /** The next token is a scalar's text (it follows the lexer's SCALAR mark). */
  private scalarNext = false;
  /** Offset where the node on this line that may turn out to be a key started; -1 when none yet. */
  private nodeStart = -1;
  private readonly block: Open[] = [];
  private readonly flow: Open[] = [];
  /** A flow collection waits for its next item (after its bracket or a comma). */
  private expectItem = false;
  private aliases = 0;
  private nodes = 0;

  feed(token: string): void {
    if (token === DOCUMENT || token === FLOW_END || token === SCALAR) {
      if (token === SCALAR) this.scalarNext = true;
      if (token === FLOW_END) this.flow.length = 0;
      return;
    }
    const at = this.offset;
    this.offset += token.length;
    const scalar = this.scalarNext;
    this.scalarNext = false;
    const c = token.charCodeAt(0);
    if (scalar) {
      this.node(at);
      this.content(at);
    } else if (token === '\n' || token === '\r\n') {
      this.nodeStart = -1;
    } else if (c === 0x20 || c === 0x09 || c === 0x23 /* # */ || c === 0x25 /* % */) {
      // Space, a comment, a directive.
    } else if (token === '---' || token === '...') {
      this.block.length = 0;
      this.flow.length = 0;
    } else if (token === '{' || token === '[') {
      this.node(at);
      this.content(at);
      this.flow.push({ col: -1, kind: token === '{' ? 'map' : 'seq', count: 0 });
      this.expectItem = true;
      this.checkDepth(at);
    } else if (token === '}' || token === ']') {
      this.flow.pop();
      this.expectItem = false;
    } else if (token === ',') {
      this.expectItem = this.flow.length > 0;
    } else if (token === '-' && this.flow.length === 0) {
      this.blockItem(at, 'seq');
      this.nodeStart = -1;
    } else if (token === '?') {
      if (this.flow.length === 0) this.blockItem(at, 'map');
      else this.content(at);
      this.nodeStart = -1;
    } else if (token === ':') {
      if (this.flow.length > 0)
        this.content(at); // `{: v}`, a key left empty
      else if (this.nodeStart !== -1) this.blockItem(this.nodeStart, 'map');
      this.nodeStart = -1;
    } else {
      // A quoted scalar, an alias, an anchor, a tag, a block scalar's header.
      if (c === 0x2a /* * */ && ++this.aliases > LIMITS.maxAliasCount) throw new LimitExceeded({ code: 'load/alias-bomb', offset: at, limit: LIMITS.maxAliasCount });
      if (c === 0x22 || c === 0x27 || c === 0x2a) this.node(at);
      this.content(at);
    }
    if (token.length > 1 || token === '\n') {
      const newline = token.lastIndexOf('\n');
      if (newline !== -1) {
        this.lineStart = at + newline + 1;
        this.nodeStart = -1;
      }
    }
  }

  /**
   * A node starts at `at`: a scalar, an alias, a flow collection, a block collection. Props and a block
   * scalar's header are not counted, so for a file the block reader reads this counts no more than it does.
   */
  private node(at: number): void {
    if (++this.nodes > LIMITS.maxNodes) throw new LimitExceeded({ code: 'load/too-many-values', offset: at, limit: LIMITS.maxNodes });
  }

  /** A token that starts or continues a node: in a flow collection it may start the next item. */
  private content(at: number): void {
    const top = this.flow.at(-1);
    if (!top) {
      if (this.nodeStart === -1) this.nodeStart = at;
      return;
    }
    if (!this.expectItem) return;
    this.expectItem = false;
    if (++top.count > LIMITS.maxMappingKeys && top.kind === 'map') throw tooManyKeys(at);
  }

  /** A block mapping's key or a list's `-` at `at`: the collection it belongs to, found by its column. */
  private blockItem(at: number, kind: 'map' | 'seq'): void {
    const col = at - this.lineStart;
    const block = this.block;
    while (block.length > 0 && block.at(-1)!.col > col) block.pop();
    // A key in the column of a list ends the list (the list was the value of the key before).
    if (kind === 'map' && block.at(-1)?.col === col && block.at(-1)!.kind === 'seq') block.pop();
    const top = block.at(-1);
    if (top?.col === col && top.kind === kind) {
      if (++top.count > LIMITS.maxMappingKeys && kind === 'map') throw tooManyKeys(at);
      return;
    }
    block.push({ col, kind, count: 1 });
    this.node(at);
    this.checkDepth(at);
  }

  private checkDepth(at: number): void {
    if (this.block.length + this.flow.length > LIMITS.maxDepth + 1) throw new LimitExceeded({ code: 'load/too-deep', offset: at, limit: LIMITS.maxDepth });
  }
}
