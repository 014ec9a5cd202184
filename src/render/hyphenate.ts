/// <reference lib="dom" />
// findBroken and replaceWords run in the page, so they use the DOM's types.
import type { Page } from 'puppeteer-core';
import { norwegianHyphenator } from './hyphen-patterns.js';

/**
 * Norwegian hyphenation where the layout needs it, and only there. Chromium on Linux has no
 * hyphenation dictionary, so a word too wide for its column is broken anywhere («booppføl|ging»).
 * Soft hyphens in every word would fix that but change how the PDF's text reads back (extractors
 * see extra breaks), so the printed page is measured instead: words the layout breaks get soft
 * hyphens from TeX's Norwegian patterns, and the page is measured again.
 */

/**
 * Runs in the page: the width the printed page lays text out in, from the stylesheets' @page rules
 * (size less the left and right margins), in CSS pixels. The PDF is laid out at that width, not the
 * window's, so the page is measured at it. Undefined when no rule gives a size.
 */
function printWidth(): number | undefined {
  const px: Record<string, number> = { mm: 96 / 25.4, cm: 960 / 25.4, in: 96, pt: 96 / 72, px: 1 };
  const sizes: Record<string, [number, number]> = { a4: [210, 297], a3: [297, 420], a5: [148, 210], letter: [215.9, 279.4] };
  const length = (v: string) => {
    const m = /^(-?[\d.]+)(mm|cm|in|pt|px)$/.exec(v.trim());
    return m ? Number(m[1]) * px[m[2]!]! : 0;
  };
  let width: number | undefined;
  let left = 0;
  let right = 0;
  const rules = (sheet: CSSStyleSheet) => {
    try {
      return Array.from(sheet.cssRules);
    } catch {
      return []; // a sheet from elsewhere (refused while printing) cannot be read
    }
  };
  for (const sheet of Array.from(document.styleSheets))
    for (const rule of rules(sheet)) {
      if (!(rule instanceof CSSPageRule) || rule.selectorText) continue;
      const size = rule.style.getPropertyValue('size').toLowerCase().split(/\s+/).filter(Boolean);
      const named = size.map((w) => sizes[w]).find(Boolean);
      if (named) width = (size.includes('landscape') ? named[1] : named[0]) * px.mm!;
      if (rule.style.marginLeft) left = length(rule.style.marginLeft);
      if (rule.style.marginRight) right = length(rule.style.marginRight);
    }
  return width === undefined ? undefined : Math.floor(width - left - right);
}

/** A word the layout breaks across lines at a point that is not a soft hyphen. */
export interface BrokenWord {
  /** The text node's index in document order, and the word's place in it. */
  node: number;
  start: number;
  end: number;
  word: string;
}

/**
 * Runs in the page. Words are runs of letters (and soft hyphens) of five or more; a token holding
 * «@» or «://» or starting «www.» is an address, which may break anywhere («a/b» is two words). Returns every word whose characters sit
 * on more than one line where the character before a new line is not a soft hyphen, and every word
 * that runs past the right edge of its cell or paragraph.
 *
 * Each text node is measured whole first: most (a cell, a heading, a short answer) lie on one line
 * within their block, and then none of their words can be broken or run over. Only the others are
 * measured word by word, which had taken 20-25 ms a pass on a long report, four passes a report.
 */
function findBroken(): BrokenWord[] {
  const shy = '\u00AD';
  /**
   * The right edge of the content of the block a text node stands in, or null for a block that
   * shows none of its text (a caption kept for screen readers: 1 px wide, overflow hidden), whose
   * words neither break nor run over anything on the printed page.
   */
  const edges = new Map<Element, number | null>();
  const edgeOf = (node: Text) => {
    const block = node.parentElement?.closest('td, th, p, li, caption, h1, h2, h3, h4, div');
    if (!block) return undefined;
    let edge = edges.get(block);
    if (edge === undefined) {
      const style = getComputedStyle(block);
      const box = block.getBoundingClientRect();
      edge = style.overflowX !== 'visible' && box.width <= 1 ? null : box.right - parseFloat(style.paddingRight) - parseFloat(style.borderRightWidth);
      edges.set(block, edge);
    }
    return edge;
  };
  const found: BrokenWord[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const words = /[\p{L}\u00AD]{5,}/gu;
  const anyWord = new RegExp(words.source, 'u'); // without g: test() must not move matchAll's start
  let index = -1;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    index++;
    const text = node.data;
    if (!anyWord.test(text)) continue;
    const edge = edgeOf(node);
    if (edge === null) continue;
    range.selectNodeContents(node);
    const lines = range.getClientRects();
    let right = -Infinity;
    for (const line of Array.from(lines)) right = Math.max(right, line.right);
    const runsOver = edge !== undefined && right > edge + 1;
    if (lines.length < 2 && !runsOver) continue;
    for (const m of text.matchAll(words)) {
      const start = m.index;
      const end = start + m[0].length;
      let from = start;
      let to = end;
      while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
      while (to < text.length && !/\s/.test(text[to]!)) to++;
      if (/@|:\/\/|^www\./i.test(text.slice(from, to))) continue;
      range.setStart(node, start);
      range.setEnd(node, end);
      if (range.getClientRects().length < 2) {
        // On one line, but wider than its cell: it runs into the next column unless hyphenated.
        if (runsOver && range.getBoundingClientRect().right > edge! + 1) found.push({ node: index, start, end, word: m[0] });
        continue;
      }
      let top: number | undefined;
      for (let i = start; i < end; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        // The last box: Chromium gives the letter after a printed soft hyphen a box on each line.
        const boxes = range.getClientRects();
        const box = boxes[boxes.length - 1];
        if (!box || (box.width === 0 && box.height === 0)) continue;
        if (top !== undefined && box.top > top + 1 && text[i - 1] !== shy) {
          found.push({ node: index, start, end, word: m[0] });
          break;
        }
        top = box.top;
      }
    }
  }
  return found;
}

/** Runs in the page: puts each hyphenated word in place of the broken one (from the end, so offsets hold). */
function replaceWords(changes: { node: number; start: number; end: number; word: string }[]): void {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  for (const c of [...changes].sort((a, b) => a.node - b.node || b.start - a.start)) {
    const node = nodes[c.node];
    if (node) node.data = node.data.slice(0, c.start) + c.word + node.data.slice(c.end);
  }
}

/**
 * Runs in the page: removes the soft hyphens the lines do not break at. They print nothing, but a
 * PDF reader copies them with the text; a greedy line breaker breaks the same lines without them.
 */
function pruneSoftHyphens(): void {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const top = (node: Text, i: number) => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const boxes = range.getClientRects();
    return boxes[boxes.length - 1]?.top ?? 0;
  };
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (!node.data.includes('\u00AD')) continue;
    let text = node.data;
    for (let i = text.length - 2; i > 0; i--) {
      if (text[i] !== '\u00AD' || top(node, i + 1) > top(node, i - 1) + 1) continue;
      text = text.slice(0, i) + text.slice(i + 1);
    }
    if (text !== node.data) node.data = text;
  }
}

type Hyphenate = (word: string) => string;
let patterns: Promise<Hyphenate> | undefined;

/**
 * Letters a break leaves at least before it and after it. TeX's patterns allow two, which splits
 * «Programledel-sen» and «samarbeidsstruktu-rer»; a word broken near its end reads worse than one
 * moved whole, so at least three letters stay on the line and four go over.
 */
export const MIN_BEFORE_BREAK = 3;
export const MIN_AFTER_BREAK = 4;

/** Drops the soft hyphens in a hyphenated word that leave too few letters on either side. */
export function keepBreaksAwayFromEnds(hyphenated: string): string {
  const letters = hyphenated.replaceAll('\u00AD', '').length;
  let seen = 0;
  let out = '';
  for (const ch of hyphenated) {
    if (ch !== '\u00AD') {
      seen++;
      out += ch;
    } else if (seen >= MIN_BEFORE_BREAK && letters - seen >= MIN_AFTER_BREAK) out += ch;
  }
  return out;
}

/**
 * TeX's Norwegian patterns (one set for bokmål and nynorsk), loaded the first time a page has a
 * broken word: a batch where none breaks never reads them. (Loaded ahead, during the first page's
 * layout, they took the main thread while the browser waited for it to see the page loaded.)
 */
function norwegian(): Promise<Hyphenate> {
  patterns ??= norwegianHyphenator().then((hyphenate) => (word: string) => keepBreaksAwayFromEnds(hyphenate(word, { minWordLength: 5 })));
  return patterns;
}

/** Hyphenates the words the page breaks, measuring again after each round (at most three). */
async function hyphenateRounds(page: Page): Promise<BrokenWord[]> {
  let broken = await page.evaluate(findBroken);
  for (let round = 0; broken.length && round < 3; round++) {
    const hyphenate = await norwegian();
    const changes = broken.map((b) => ({ ...b, word: hyphenate(b.word.replaceAll('\u00AD', '')) })).filter((c, i) => c.word !== broken[i]!.word);
    if (!changes.length) break;
    await page.evaluate(replaceWords, changes);
    broken = await page.evaluate(findBroken);
  }
  return broken;
}

/**
 * Hyphenates the words the printed page breaks; returns those still broken without a hyphen (no
 * Norwegian pattern fits, or one syllable is wider than its column). A hyphenated word can push
 * another onto a narrower line, hence the rounds; pruning the unused soft hyphens can narrow a
 * table column (its narrowest width counts them), hence the rounds again, which keep theirs.
 */
export async function hyphenateBrokenWords(page: Page): Promise<string[]> {
  const width = await page.evaluate(printWidth);
  // A page reused for the next report has the width already; setting it again lays the page out again.
  if (width !== undefined && page.viewport()?.width !== width) await page.setViewport({ width, height: 1100 });
  if (!(await hyphenateRounds(page)).length && !(await page.evaluate(() => document.body.textContent?.includes('\u00AD')))) return [];
  await page.evaluate(pruneSoftHyphens);
  const broken = await hyphenateRounds(page);
  return [...new Set(broken.map((b) => b.word.replaceAll('\u00AD', '')))];
}
