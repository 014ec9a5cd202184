import { formatInteger } from '../format/norwegian.js';
import { escapeHtml } from '../util/escape.js';

/**
 * Small inline SVG charts. A few lines of SVG print sharply at any zoom and need no script or
 * library; every text in them is escaped.
 */
export interface PairBar {
  label: string;
  a: number | null;
  b: number | null;
}

const UNKNOWN = 'ukjent';

/** Grouped horizontal bars: status behov pr. 01.01 (a) against pr. 31.12 (b), per row. */
export function pairedBars(rows: readonly PairBar[], legend: [string, string], title: string): string {
  const labelW = 210;
  const barW = 300;
  const rowH = 34;
  const top = 28;
  const height = top + rows.length * rowH + 6;
  const max = Math.max(1, ...rows.flatMap((r) => [r.a ?? 0, r.b ?? 0]));
  const bar = (v: number | null, y: number, cls: string) => {
    if (v === null) return `<text x="${labelW + 4}" y="${y + 9}" class="ukjent">${UNKNOWN}</text>`;
    const w = Math.max(1, (v / max) * barW);
    return `<rect x="${labelW}" y="${y}" width="${w.toFixed(1)}" height="12" class="${cls}"/><text x="${(labelW + w + 4).toFixed(1)}" y="${y + 10}">${formatInteger(v)}</text>`;
  };
  const body = rows
    .map((r, i) => {
      const y = top + i * rowH;
      return `<text x="0" y="${y + 16}" class="etikett">${escapeHtml(r.label)}</text>${bar(r.a, y, 'a')}${bar(r.b, y + 14, 'b')}`;
    })
    .join('');
  const legendSvg = `<rect x="${labelW}" y="4" width="10" height="10" class="a"/><text x="${labelW + 14}" y="13">${escapeHtml(legend[0])}</text><rect x="${labelW + 190}" y="4" width="10" height="10" class="b"/><text x="${labelW + 204}" y="13">${escapeHtml(legend[1])}</text>`;
  return `<svg class="diagram" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelW + barW + 50} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${legendSvg}${body}</svg>`;
}

export interface ProgressBar {
  label: string;
  percent: number | null;
}

/** One bar per activity row with a stated percent, 0–100 %. */
export function progressBars(rows: readonly ProgressBar[], title: string): string {
  const labelW = 250;
  const barW = 280;
  const rowH = 18;
  const height = rows.length * rowH + 4;
  const body = rows
    .map((r, i) => {
      const y = i * rowH;
      const label = r.label.length > 42 ? `${r.label.slice(0, 41)}…` : r.label;
      const value =
        r.percent === null
          ? `<text x="${labelW + 4}" y="${y + 12}" class="ukjent">ingen prosent</text>`
          : `<rect x="${labelW}" y="${y + 3}" width="${barW}" height="11" class="spor"/><rect x="${labelW}" y="${y + 3}" width="${((r.percent / 100) * barW).toFixed(1)}" height="11" class="a"/><text x="${labelW + barW + 6}" y="${y + 12}">${r.percent} %</text>`;
      return `<text x="0" y="${y + 12}" class="etikett">${escapeHtml(label)}</text>${value}`;
    })
    .join('');
  return `<svg class="diagram" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${labelW + barW + 50} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>${body}</svg>`;
}
