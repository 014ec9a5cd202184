import { formatInteger } from '../format/norwegian.js';
import { BAR_COLOURS, SMALL_ATTRS, SMALL_FONT, svg, unknownText, type ChartLang } from './charts.js';

/**
 * A figure year by year as columns, one per year, for the final report's series. Like the charts in
 * charts.ts it comes twice: for A4 and wide screens (viewBox, text scaled with the page) and for a
 * phone (shown by the stylesheet's narrow-screen rules): one row per year, text in CSS pixels.
 */
export interface YearValue {
  aar: number;
  antall: number | null;
}

/** Columns per year: the value above each, the year below, «ukjent» where the figure is unknown. */
export function yearColumns(values: readonly YearValue[], title: string, lang: ChartLang = 'nb'): string {
  return yearColumnsWide(values, title, lang) + yearColumnsNarrow(values, title, lang);
}

function yearColumnsWide(values: readonly YearValue[], title: string, lang: ChartLang): string {
  const width = 560;
  const top = 16;
  const barMax = 80;
  const base = top + barMax;
  const slot = width / Math.max(1, values.length);
  const barW = Math.min(48, slot * 0.6);
  const max = Math.max(1, ...values.map((v) => v.antall ?? 0));
  const body = values
    .map((v, i) => {
      const mid = (i + 0.5) * slot;
      const year = `<text x="${mid.toFixed(1)}" y="${base + 14}" text-anchor="middle" class="etikett">${v.aar}</text>`;
      if (v.antall === null) return year + unknownText(`x="${mid.toFixed(1)}" y="${base - 4}" text-anchor="middle"`, lang);
      const h = Math.max(1, (v.antall / max) * barMax);
      return `${year}<rect x="${(mid - barW / 2).toFixed(1)}" y="${(base - h).toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${BAR_COLOURS.a}"/><text x="${mid.toFixed(1)}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle">${formatInteger(v.antall)}</text>`;
    })
    .join('');
  const axis = `<line x1="0" y1="${base}" x2="${width}" y2="${base}" stroke="#595959" stroke-width="1"/>`;
  return svg('class="diagram diagram-bred"', title, `viewBox="0 0 ${width} ${base + 20}" width="100%"`, axis + body);
}

/** The phone layout: one row per year, the year, then its bar (up to 60 % of the width) and value. */
function yearColumnsNarrow(values: readonly YearValue[], title: string, lang: ChartLang): string {
  const f = SMALL_FONT;
  const rowH = f + 9;
  const barH = 12;
  const max = Math.max(1, ...values.map((v) => v.antall ?? 0));
  const body = values
    .map((v, i) => {
      const y = i * rowH;
      const year = `<text x="0" y="${y + f}" class="etikett">${v.aar}</text>`;
      if (v.antall === null) return year + unknownText(`x="20%" y="${y + f}"`, lang);
      const pct = Math.max(0.3, (v.antall / max) * 60);
      return `${year}<rect x="20%" y="${y + f - barH + 1}" width="${pct.toFixed(1)}%" height="${barH}" fill="${BAR_COLOURS.a}"/><text x="${(20 + pct).toFixed(1)}%" dx="5" y="${y + f}">${formatInteger(v.antall)}</text>`;
    })
    .join('');
  return svg(SMALL_ATTRS, title, `width="100%" height="${values.length * rowH}"`, `<g font-size="${f}">${body}</g>`);
}
