import { formatInteger } from '../format/norwegian.js';
import { escapeHtml } from '../util/escape.js';

/**
 * Small inline SVG charts. A few lines of SVG print sharply at any zoom and need no script or
 * library; every text in them is escaped.
 *
 * Each chart comes twice: laid out for A4 and wide screens («bred», text scaled with the page), and
 * laid out for a phone («smal», hidden unless the stylesheet's narrow-screen rules show it): no
 * viewBox there, so its text keeps its size in CSS pixels, the label has a line of its own, and
 * bars are drawn in percent of the width.
 */
export interface PairBar {
  label: string;
  a: number | null;
  b: number | null;
}

export const UNKNOWN = 'ukjent';

/** A chart's words are the working copy's: in a nynorsk report (`spraak: nn`) «ukjend», marked so. */
export type ChartLang = 'nb' | 'nn';
export function chartLang(report: unknown): ChartLang {
  return (report as { spraak?: unknown } | null)?.spraak === 'nn' ? 'nn' : 'nb';
}
/** The text element for an unknown figure, in the chart's language. */
export function unknownText(attrs: string, lang: ChartLang, after = ''): string {
  return `<text ${attrs} class="ukjent"${lang === 'nn' ? ' lang="nn"' : ''}>${lang === 'nn' ? 'ukjend' : UNKNOWN}${after}</text>`;
}

/**
 * The bar colours, set on the bars themselves: each has at least 3:1 contrast against white (WCAG
 * 1.4.11; a 8.66:1, b 3.39:1), and the two differ by 2.56:1 from each other.
 */
export const BAR_COLOURS = { a: '#1f4e79', b: '#5b8fc7' } as const;

/** Text size, in CSS px, of the phone layout. */
export const SMALL_FONT = 13;
/** What shows the phone layout: the narrow-screen rules of the stylesheet (templates/style.css). */
export const SMALL_ATTRS = 'class="diagram diagram-smal" display="none"';

/** An SVG chart with its title for screen readers (aria-label) and as a tooltip. */
export function svg(cls: string, title: string, size: string, content: string): string {
  return `<svg ${cls} role="img" aria-label="${escapeHtml(title)}" ${size} xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${content}</svg>`;
}

/** A legend text's date part («Status behov pr. 01.01.2012» → «pr. 01.01.2012»), to write next to a bar. */
function seriesName(legend: string): string {
  const at = legend.lastIndexOf('pr. ');
  return at === -1 ? legend : legend.slice(at);
}

/** Splits a label into at most `lines` lines of about `width` characters, with … when cut. */
export function wrapLabel(label: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let rest = label.trim();
  while (rest && out.length < lines) {
    if (rest.length <= width) {
      out.push(rest);
      rest = '';
      break;
    }
    const at = rest.lastIndexOf(' ', width);
    const cut = at > width / 2 ? at : width;
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out[out.length - 1] = `${out[out.length - 1]!.slice(0, width - 1).trimEnd()}…`;
  return out;
}

/** Grouped horizontal bars: status behov pr. 01.01 (a) against pr. 31.12 (b), per row. */
export function pairedBars(rows: readonly PairBar[], legend: [string, string], title: string, lang: ChartLang = 'nb'): string {
  return pairedBarsWide(rows, legend, title, lang) + pairedBarsNarrow(rows, legend, title, lang);
}

function pairedBarsWide(rows: readonly PairBar[], legend: [string, string], title: string, lang: ChartLang): string {
  const labelW = 210;
  const barW = 300;
  const rowH = 34;
  const top = 28;
  const height = top + rows.length * rowH + 6;
  const max = Math.max(1, ...rows.flatMap((r) => [r.a ?? 0, r.b ?? 0]));
  const bar = (v: number | null, y: number, fill: string) => {
    if (v === null) return unknownText(`x="${labelW + 4}" y="${y + 9}"`, lang);
    const w = Math.max(1, (v / max) * barW);
    return `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="12" fill="${fill}"/><text x="${(labelW + w + 4).toFixed(1)}" y="${y + 10}">${formatInteger(v)}</text>`;
  };
  const body = rows
    .map((r, i) => {
      const y = top + i * rowH;
      return `<text x="0" y="${y + 16}" class="etikett">${escapeHtml(r.label)}</text>${bar(r.a, y, BAR_COLOURS.a)}${bar(r.b, y + 14, BAR_COLOURS.b)}`;
    })
    .join('');
  const legendSvg = `<rect x="${labelW}" y="4" width="10" height="10" fill="${BAR_COLOURS.a}"/><text x="${labelW + 14}" y="13">${escapeHtml(legend[0])}</text><rect x="${labelW + 190}" y="4" width="10" height="10" fill="${BAR_COLOURS.b}"/><text x="${labelW + 204}" y="13">${escapeHtml(legend[1])}</text>`;
  return svg('class="diagram diagram-bred"', title, `viewBox="0 0 ${labelW + barW + 50} ${height}" width="100%"`, legendSvg + body);
}

/** The phone layout: the label on its own line, then each bar with its value and its date. */
function pairedBarsNarrow(rows: readonly PairBar[], legend: [string, string], title: string, lang: ChartLang): string {
  const f = SMALL_FONT;
  const barH = 12;
  const rowH = f + 6 + 2 * (barH + 6) + 8;
  const max = Math.max(1, ...rows.flatMap((r) => [r.a ?? 0, r.b ?? 0]));
  // The longest bar takes 55 % of the width, leaving room after it for «12 pr. 31.12.2012».
  const bar = (v: number | null, y: number, fill: string, series: string) => {
    const name = escapeHtml(series);
    if (v === null) return unknownText(`x="0" y="${y + barH - 1}"`, lang, ` ${name}`);
    const pct = Math.max(0.3, (v / max) * 55);
    return `<rect x="0" y="${y}" width="${pct.toFixed(1)}%" height="${barH}" fill="${fill}"/><text x="${pct.toFixed(1)}%" dx="5" y="${y + barH - 1}">${formatInteger(v)} ${name}</text>`;
  };
  const body = rows
    .map((r, i) => {
      const y = i * rowH;
      return `<text x="0" y="${y + f}" class="etikett">${escapeHtml(r.label)}</text>${bar(r.a, y + f + 6, BAR_COLOURS.a, seriesName(legend[0]))}${bar(r.b, y + f + 6 + barH + 6, BAR_COLOURS.b, seriesName(legend[1]))}`;
    })
    .join('');
  return svg(SMALL_ATTRS, title, `width="100%" height="${rows.length * rowH}"`, `<g font-size="${f}">${body}</g>`);
}

export interface ProgressBar {
  label: string;
  percent: number | null;
}

/** One bar per activity row with a stated percent, 0–100 %. */
export function progressBars(rows: readonly ProgressBar[], title: string): string {
  return progressBarsWide(rows, title) + progressBarsNarrow(rows, title);
}

function progressBarsWide(rows: readonly ProgressBar[], title: string): string {
  const labelW = 250;
  const barW = 280;
  const line = 11;
  let y = 0;
  const body = rows
    .map((r) => {
      // A long label wraps under itself (up to four lines) rather than being cut mid-word; one
      // still longer keeps its full text as the label's tooltip and for screen readers.
      const lines = wrapLabel(r.label, 46, 4);
      const cut = lines.join(' ') !== r.label.trim();
      const rowH = 18 + (lines.length - 1) * line;
      const label = `<text x="0" y="${y + 12}" class="etikett">${cut ? `<title>${escapeHtml(r.label)}</title>` : ''}${lines.map((l, i) => `<tspan x="0" dy="${i === 0 ? 0 : line}">${escapeHtml(l)}</tspan>`).join('')}</text>`;
      const value =
        r.percent === null
          ? `<text x="${labelW + 4}" y="${y + 12}" class="ukjent">ingen prosent</text>`
          : `<rect x="${labelW}" y="${y + 3}" width="${barW}" height="11" class="spor"/><rect x="${labelW}" y="${y + 3}" width="${((r.percent / 100) * barW).toFixed(1)}" height="11" fill="${BAR_COLOURS.a}"/><text x="${labelW + barW + 6}" y="${y + 12}">${r.percent}\u00a0%</text>`;
      y += rowH;
      return label + value;
    })
    .join('');
  return svg('class="diagram diagram-bred"', title, `viewBox="0 0 ${labelW + barW + 50} ${y + 4}" width="100%"`, body);
}

/** The phone layout: the label on up to two lines of its own, the bar under it, the percent after the bar. */
function progressBarsNarrow(rows: readonly ProgressBar[], title: string): string {
  const f = SMALL_FONT;
  const line = f + 3;
  const barH = 11;
  let y = 0;
  const body = rows
    .map((r) => {
      const lines = wrapLabel(r.label, 38, 2);
      const label = lines.map((l, i) => `<text x="0" y="${y + f + i * line}" class="etikett">${escapeHtml(l)}</text>`).join('');
      const barY = y + lines.length * line + 4;
      const value =
        r.percent === null
          ? `<text x="0" y="${barY + barH - 1}" class="ukjent">ingen prosent</text>`
          : `<rect x="0" y="${barY}" width="75%" height="${barH}" class="spor"/><rect x="0" y="${barY}" width="${((r.percent / 100) * 75).toFixed(1)}%" height="${barH}" fill="${BAR_COLOURS.a}"/><text x="75%" dx="6" y="${barY + barH - 1}">${r.percent}\u00a0%</text>`;
      y = barY + barH + 10;
      return label + value;
    })
    .join('');
  return svg(SMALL_ATTRS, title, `width="100%" height="${y}"`, `<g font-size="${f}">${body}</g>`);
}
