import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BAR_COLOURS } from '../../src/parts/charts.js';
import { findBrowser } from '../../src/render/browser.js';
import { GJOVIK, LILLEHAMMER, ROOT, runCli, tempTree } from '../helpers.js';

/** WCAG 2 contrast ratio of two sRGB colours given as [r, g, b] in 0–255. */
function contrast(x: readonly number[], y: readonly number[]): number {
  const lum = (c: readonly number[]) => {
    const [r, g, b] = c.map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [hi, lo] = [lum(x), lum(y)].sort((a, b) => b - a);
  return (hi! + 0.05) / (lo! + 0.05);
}

const WHITE = [255, 255, 255];
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const rgb = (css: string) => (/rgb\((\d+), (\d+), (\d+)\)/.exec(css) ?? []).slice(1).map(Number);

/** What a page measures at phone width: every count here should be zero for a page that reads on a phone. */
interface PhoneFacts {
  viewport: string | null;
  scrollWidth: number;
  /** Boxes whose content runs out of them sideways where nothing scrolls or clips it. */
  overflowing: string[];
  /** Visible text drawn smaller than 10 CSS px (SVG text: its font size times the SVG's scale). */
  smallText: string[];
  /** The colour of each drawn bar in every chart: its fill, or its outline when it is filled white. */
  bars: string[];
}

/** Runs in the page: what PhoneFacts says. */
function measure(): PhoneFacts {
  const label = (el: Element, what: string) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}: ${what} «${(el.textContent ?? '').trim().slice(0, 50)}»`;
  // A box that scrolls or clips sideways holds its overflow: that is no overflow of the page.
  const holds = (s: CSSStyleDeclaration) => s.overflowX !== 'visible';
  const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';

  const overflowing: string[] = [];
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    // Inside an SVG only the <svg> itself is a box; inline boxes have no client width to overflow.
    if (el instanceof SVGElement && !(el instanceof SVGSVGElement)) continue;
    const s = getComputedStyle(el);
    if (!visible(el) || s.display === 'inline' || el.clientWidth === 0 || holds(s)) continue;
    if (el.scrollWidth > el.clientWidth + 1) overflowing.push(label(el, `${el.scrollWidth} px in ${el.clientWidth} px`));
  }

  const smallText: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !node.textContent?.trim() || el.closest('title, style, script')) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || !visible(el)) continue;
    // A 1 px clipped box (.skjult) is for screen readers only.
    if (box.width <= 1 || box.height <= 1) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGGraphicsElement) {
      const m = el.getScreenCTM();
      if (m) px *= Math.hypot(m.a, m.b);
    }
    if (px < 10 - 0.01) smallText.push(label(el, `${px.toFixed(1)} px`));
  }

  const bars: string[] = [];
  for (const rect of Array.from(document.querySelectorAll('svg rect'))) {
    // The grey track behind a progress bar is background, not a bar: the percent is written as text.
    if (!visible(rect) || rect.classList.contains('spor')) continue;
    const s = getComputedStyle(rect);
    bars.push(s.fill === 'rgb(255, 255, 255)' || s.fill === 'none' ? s.stroke : s.fill);
  }
  return {
    viewport: document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? null,
    scrollWidth: document.documentElement.scrollWidth,
    overflowing,
    smallText,
    bars,
  };
}

describe('the HTML reads on a phone (390 × 844)', () => {
  const t = tempTree({});
  let browser: Browser;
  const pages: Record<string, string> = {};

  beforeAll(async () => {
    const render = runCli(['render', GJOVIK, LILLEHAMMER, '-d', t.dir, '--quiet'], { cwd: ROOT });
    expect(render.status, render.stderr).toBe(0);
    const summary = runCli(['summary', path.join(ROOT, 'examples'), '-o', path.join(t.dir, 'oversikt.html')], { cwd: ROOT });
    expect(summary.status, summary.stderr).not.toBe(2);
    for (const [name, file] of [
      ['gjøvik', 'gjovik-aarsrapport-2012.html'],
      ['lillehammer', 'lillehammer-halvaarsrapport-2011.html'],
      ['summary', 'oversikt.html'],
    ] as const)
      pages[name] = readFileSync(path.join(t.dir, file), 'utf8');
    const found = (await findBrowser(undefined)).chosen;
    expect(found, 'a browser to render with').toBeDefined();
    const { default: puppeteer } = await import('puppeteer-core');
    browser = await puppeteer.launch({
      executablePath: found!.path,
      headless: true,
      pipe: true,
      args: ['--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--font-render-hinting=none', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    t.cleanup();
  });

  async function onPhone(html: string): Promise<PhoneFacts> {
    const page = await browser.newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.setViewport({ width: 390, height: 844, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
      await page.emulateMediaType('screen');
      await page.setContent(html, { waitUntil: 'load' });
      return await page.evaluate(measure);
    } finally {
      await page.close();
    }
  }

  for (const name of ['gjøvik', 'lillehammer', 'summary']) {
    it(`${name}: viewport meta, nothing wider than the screen, no text under 10 px, bars at 3:1`, async () => {
      const facts = await onPhone(pages[name]!);
      expect.soft(facts.viewport).toBe('width=device-width, initial-scale=1');
      expect.soft(facts.scrollWidth).toBeLessThanOrEqual(390);
      expect.soft(facts.overflowing).toEqual([]);
      expect.soft(facts.smallText).toEqual([]);
      expect.soft(facts.bars.length, 'the page has charts').toBeGreaterThan(0);
      for (const colour of new Set(facts.bars)) expect.soft(contrast(rgb(colour), WHITE), colour).toBeGreaterThanOrEqual(3);
    });
  }

  it('the charts show their phone layout on a phone and their A4 layout in print', async () => {
    const page = await browser.newPage();
    try {
      await page.setJavaScriptEnabled(false);
      await page.setViewport({ width: 390, height: 844, isMobile: true });
      await page.setContent(pages['gjøvik']!, { waitUntil: 'load' });
      const shown = () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll('svg.diagram'))
            .filter((s) => s.getClientRects().length > 0)
            .map((s) => s.getAttribute('class')),
        );
      await page.emulateMediaType('screen');
      expect(await shown()).toEqual(['diagram diagram-smal']);
      await page.emulateMediaType('print');
      expect(await shown()).toEqual(['diagram diagram-bred']);
    } finally {
      await page.close();
    }
  });

  it('each bar colour has at least 3:1 contrast against white', () => {
    expect(contrast(hex(BAR_COLOURS.a), WHITE)).toBeCloseTo(8.66, 2);
    expect(contrast(hex(BAR_COLOURS.b), WHITE)).toBeCloseTo(3.39, 2);
    // The light blue it replaced: 2.18:1, too faint for a graphic.
    expect(contrast(hex('#8fb3d9'), WHITE)).toBeLessThan(3);
  });
});
