import { groupBy } from '../util/group.js';
import { formatDate, formatInteger } from '../format/norwegian.js';
import { embedFonts, FONT_MARKER } from '../render/fonts.js';
import { escapeHtml as esc } from '../util/escape.js';
import { wrapLabel } from '../parts/charts.js';
import { needFelt, SHARED_THEMES } from '../parts/overview.js';
import type { SummaryField } from './fields.js';
import type { ReportEntry, SummaryModel } from './model.js';
import { deliveryCell, shown, themesWithValues } from './output.js';

/** Charts are drawn in small units and shown larger, so their text stays readable in print. */
const SCALE = 1.4;
/** Chart text in those units: 7.5 × 1.4 = 10.5 CSS px, never smaller than 10 px on a phone or 7.5 pt on paper. */
const TEXT = 7.5;
/** Line height of that text, in the same units. */
const LINE = 9;

/** A label as lines, each at x, for a <text> element. */
function tspans(lines: readonly string[], x: number): string {
  return lines.map((l, i) => `<tspan x="${x}"${i ? ` dy="${LINE}"` : ''}>${esc(l)}</tspan>`).join('');
}
const COLORS: Record<string, string> = { i_tide: '#2e7d4f', for_sent: '#c0641a', uten_frist: '#5f6b7a', uten_dato: '#8a8a8a', mangler: '#b3261e' };

const STYLE = `${FONT_MARKER}
@page { size: A4 landscape; margin: 14mm 12mm 16mm; @bottom-center { content: "Side " counter(page) " av " counter(pages); font: 8pt Arimo, Arial, sans-serif; color: #555; } }
body { font: 9pt/1.35 Arimo, Arial, sans-serif; color: #1a1a1a; margin: 0 auto; max-width: 270mm; }
h1 { color: #1f4e79; font-size: 18pt; margin: 0 0 2mm; }
h2 { color: #1f4e79; font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1pt solid #1f4e79; break-after: avoid; }
h3 { color: #1f4e79; font-size: 10pt; margin: 4mm 0 1.5mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 8pt; }
th, td { border: 0.6pt solid #b8c7d9; padding: 0.8mm 1.2mm; text-align: left; vertical-align: top; }
thead th { background: #e8eff7; } thead, thead tr { break-after: avoid; } tr { break-inside: avoid; }
td.tall { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.ukjent { color: #7a5a00; font-style: italic; }
td.feil, span.feil { background: #fdecea; }
td.mangler { color: #b3261e; font-weight: bold; }
td.for_sent { color: #c0641a; }
.om, .merk { color: #444; }
.diagrammer { display: flex; flex-wrap: wrap; gap: 3mm; margin: 2mm 0 3mm; }
figure { margin: 0; break-inside: avoid; } figcaption { font-size: 8pt; color: #333; }
ul.funn li { margin-bottom: 1mm; }
@media screen { body { padding: 0 4mm; } .rulle { overflow-x: auto; } }
/* A phone: tables scroll sideways inside themselves, long words wrap, nothing is wider than the screen. */
@media screen and (max-width: 600px) {
  h1 { font-size: 15pt; }
  h1, h2, h3, p, li { overflow-wrap: anywhere; }
  table { display: block; overflow-x: auto; max-width: 100%; font-size: 9pt; }
  .diagrammer figure { max-width: 100%; overflow-x: auto; }
}
`;

/**
 * A theme table's heading: «A. Uten eid eller leid bolig, pr. 01.01» and its neighbours become one
 * group heading over «pr. 01.01», «pr. 31.12» and «resultat», as the form's own table has them.
 */
function headerRows(labels: readonly string[]): string {
  const split = labels.map((l) => {
    const at = l.lastIndexOf(', ');
    return at === -1 ? { group: '', sub: l } : { group: l.slice(0, at), sub: l.slice(at + 2) };
  });
  const fixed = '<th scope="col" rowspan="2">Kommune</th><th scope="col" rowspan="2">Periode</th>';
  if (split.every((s) => s.group === '')) return `<tr>${fixed.replace(/ rowspan="2"/g, '')}${labels.map((l) => `<th scope="col">${esc(l)}</th>`).join('')}</tr>`;
  const top: string[] = [];
  const bottom: string[] = [];
  for (let i = 0; i < split.length;) {
    const { group } = split[i]!;
    let j = i;
    while (j < split.length && split[j]!.group === group) j++;
    if (group === '') {
      for (let k = i; k < j; k++) top.push(`<th scope="col" rowspan="2">${esc(split[k]!.sub)}</th>`);
    } else {
      top.push(`<th scope="colgroup" colspan="${j - i}">${esc(group)}</th>`);
      for (let k = i; k < j; k++) bottom.push(`<th scope="col">${esc(split[k]!.sub)}</th>`);
    }
    i = j;
  }
  return `<tr>${fixed}${top.join('')}</tr><tr>${bottom.join('')}</tr>`;
}

/** One cell of a theme table: the value as the form prints it, marked when unknown or from a report with errors. */
function valueCell(r: ReportEntry, field: SummaryField): string {
  if (!(field.id in r.values)) return '<td></td>';
  const v = r.values[field.id]!;
  const classes = [typeof v === 'string' ? '' : 'tall', v === null ? 'ukjent' : '', r.errors ? 'feil' : ''].filter(Boolean).join(' ');
  return `<td class="${classes}">${esc(shown(field, v))}${r.errors ? ' *' : ''}</td>`;
}

/** Delivery as a strip: a square per municipality and period, coloured by how it went (a piece per municipality). */
function* deliveryStrip(model: SummaryModel): Generator<string> {
  const cell = 16;
  const left = 110;
  // A column per period, wide enough for «12 d sent»; a period's name wraps over up to three lines.
  const pitch = cell + 44;
  const heads = model.perioder.map((p) => wrapLabel(p.label, 14, 3));
  const lines = Math.max(1, ...heads.map((h) => h.length));
  const top = lines * LINE + 5;
  const width = left + model.perioder.length * pitch;
  const height = top + model.kommuner.length * (cell + 4) + 4;
  yield `<svg xmlns="http://www.w3.org/2000/svg" width="${Math.round(width * SCALE)}" height="${Math.round(height * SCALE)}" viewBox="0 0 ${width} ${height}" role="img" aria-label="Levering per kommune og periode">`;
  yield heads.map((h, j) => `<text y="${top - 4 - (h.length - 1) * LINE}" font-size="${TEXT}">${tspans(h, left + j * pitch)}</text>`).join('');
  for (const [i, k] of model.kommuner.entries()) {
    const parts: string[] = [];
    const y = top + i * (cell + 4);
    parts.push(`<text x="0" y="${y + 12}" font-size="8">${esc(k.navn)}</text>`);
    model.perioder.forEach((p, j) => {
      const c = deliveryCell(model, k.key, p.label);
      if (!c) return;
      const x = left + j * pitch;
      const fill = COLORS[c.status] ?? '#ccc';
      // Short words in the strip, in letters the embedded font has: «ok», «12 d sent», «?», «mangler».
      const mark =
        c.status === 'mangler'
          ? 'mangler'
          : c.status === 'for_sent'
            ? `${c.text.split(' ')[0]!} d sent`
            : c.status === 'uten_dato'
              ? '?'
              : c.status === 'uten_frist'
                ? 'levert'
                : 'ok';
      parts.push(
        `<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${c.status === 'mangler' ? '#fff' : fill}" stroke="${fill}" stroke-width="1.5"><title>${esc(`${k.navn}, ${p.label}: ${c.text}`)}</title></rect>`,
      );
      parts.push(`<text x="${x + cell + 2}" y="${y + 12}" font-size="${TEXT}" fill="${fill}">${esc(mark)}</text>`);
    });
    yield parts.join('');
  }
  yield '</svg>';
}

/** Per municipality: the need total pr. 31.12 per annual period, and each row's result as bars around zero. */
function* needMultiples(model: SummaryModel): Generator<string> {
  const total = needFelt('sum', 'pr_3112');
  const rows = ['a', 'b', 'c'] as const;
  const reports = model.rapporter.filter((r) => r.schemaValid && total in r.values);
  if (reports.length === 0) return;
  const max = Math.max(1, ...reports.map((r) => Number(r.values[total] ?? 0)));
  const maxChange = Math.max(1, ...reports.flatMap((r) => rows.map((row) => Math.abs(Number(r.values[needFelt(row, 'endring')] ?? 0)))));
  // Every municipality's figure as tall as the tallest, so their captions line up.
  const h = 76 + (Math.max(1, ...reports.map((r) => wrapLabel(r.periode, 12, 2).length)) - 1) * LINE;
  const byKommune = groupBy(reports, (r) => r.kommuneKey);
  yield '<div class="diagrammer">';
  for (const k of model.kommuner) {
    const own = byKommune.get(k.key) ?? [];
    if (own.length === 0) continue;
    // A column per period, wide enough for «Sluttrapport»; a period's name wraps over up to two lines.
    const w = 52;
    const heads = own.map((r) => wrapLabel(r.periode, 12, 2));
    // The baseline, with room above the tallest bar for its number.
    const base = 54;
    const parts: string[] = [];
    own.forEach((r, i) => {
      const x = i * w + 4;
      const sum = r.values[total];
      if (typeof sum === 'number') {
        const bh = Math.round((sum / max) * 40);
        parts.push(
          `<rect x="${x}" y="${base - bh}" width="16" height="${bh}" fill="#1f4e79"/><text x="${x}" y="${base - 4 - bh}" font-size="${TEXT}">${esc(formatInteger(sum))}</text>`,
        );
      } else parts.push(`<text x="${x}" y="${base - 4}" font-size="${TEXT}" fill="#7a5a00">ukjent</text>`);
      // A, B, C: the result (01.01 − 31.12) as bars up (fewer in need) or down (more).
      rows.forEach((row, j) => {
        const v = r.values[needFelt(row, 'endring')];
        if (typeof v !== 'number') return;
        const bh = Math.round((Math.abs(v) / maxChange) * 9);
        parts.push(
          `<rect x="${x + 20 + j * 7}" y="${v >= 0 ? base - bh : base}" width="5" height="${Math.max(bh, 0.5)}" fill="${v >= 0 ? '#2e7d4f' : '#c0641a'}"><title>${esc(`${row.toUpperCase()}: ${v}`)}</title></rect>`,
        );
      });
      parts.push(`<text y="${76 - 6}" font-size="${TEXT}">${tspans(heads[i]!, x)}</text>`);
    });
    parts.push(`<line x1="0" x2="${own.length * w}" y1="${base}" y2="${base}" stroke="#888" stroke-width="0.5"/>`);
    yield `<figure><svg xmlns="http://www.w3.org/2000/svg" width="${Math.round((own.length * w + 8) * SCALE)}" height="${Math.round(h * SCALE)}" viewBox="0 0 ${own.length * w + 8} ${h}" role="img" aria-label="${esc(`Status behov for ${k.navn}`)}">${parts.join('')}</svg><figcaption>${esc(k.navn)}</figcaption></figure>`;
  }
  yield '</div><p class="merk">Stolpene: sum A + B + C pr. 31.12. De tre smale: resultat for rad A, B og C (grønn: færre med behov, oransje: flere).</p>';
}

/**
 * The page's body as items, each a text or a series of texts (a chart, a municipality at a time);
 * the items stand on lines of their own.
 */
function* bodyItems(model: SummaryModel, meta: { created: string; version: string }): Generator<string | Iterable<string>> {
  const periods = model.perioder.map((p) => p.label);
  const n = model.rapporter.length;
  yield `<h1>Oversikt over rapportene i Boligsosialt utviklingsprogram</h1>`;
  yield `<p class="om">${formatInteger(n)} ${n === 1 ? 'rapport' : 'rapporter'} fra ${formatInteger(model.kommuner.length)} ${model.kommuner.length === 1 ? 'kommune' : 'kommuner'}${periods.length ? `, ${esc(periods[0]!)}–${esc(periods[periods.length - 1]!)}` : ''}. Laget ${esc(formatDate(meta.created))} med bosoreport ${esc(meta.version)}. «Ukjent» er et tall rapporten ikke oppgir; det regnes aldri som 0.</p>`;

  yield '<section><h2>Levering</h2>';
  yield ['<div class="rulle">', ...deliveryStrip(model), '</div>'];
  yield `<table><thead><tr><th scope="col">Kommune</th>${periods.map((p) => `<th scope="col">${esc(p)}</th>`).join('')}</tr></thead><tbody>`;
  for (const k of model.kommuner) {
    yield `<tr><th scope="row">${esc(k.navn)}</th>${periods
      .map((p) => {
        const c = deliveryCell(model, k.key, p);
        // The deadline the form sets, for whoever wonders what «10 dager før» counts from.
        return c ? `<td class="${c.status}"${c.frist ? ` title="frist ${esc(formatDate(c.frist))}"` : ''}>${esc(c.text)}</td>` : '<td></td>';
      })
      .join('')}</tr>`;
  }
  yield '</tbody></table></section>';

  for (const { theme, fields, reports } of themesWithValues(model)) {
    yield `<section><h2>${esc(theme.title)}</h2>`;
    if (theme.id === SHARED_THEMES.behov.id) yield needMultiples(model);
    yield `<table><thead>${headerRows(fields.map((f) => f.label))}</thead><tbody>`;
    for (const r of reports) yield `<tr><th scope="row">${esc(r.kommune)}</th><td>${esc(r.periode)}</td>${fields.map((f) => valueCell(r, f)).join('')}</tr>`;
    yield '</tbody></table></section>';
  }

  yield '<section><h2>Funn på tvers av år</h2>';
  if (model.funn.length === 0) yield '<p>Ingen: hvert års 01.01 stemmer med fjorårets 31.12, og ingen rapport står dobbelt.</p>';
  const funn = groupBy(model.funn, (f) => f.kommuneKey);
  for (const k of model.kommuner) {
    const own = funn.get(k.key) ?? [];
    if (own.length)
      yield `<h3>${esc(k.navn)}</h3><ul class="funn">${own.map((f) => `<li>${esc(f.message)} <span class="merk">(${esc(f.file)}; ${esc(f.ruleId)})</span></li>`).join('')}</ul>`;
  }
  yield '</section>';
  if (model.rapporter.some((r) => r.errors > 0))
    yield '<p class="merk"><span class="feil">*</span> fra en rapport med feil: tallet kan være feil. Se <code>npx bosoreport validate</code>.</p>';
}

function head(meta: { version: string }): string {
  return `<!doctype html>\n<html lang="nb">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Oversikt over rapportene</title>\n<meta name="generator" content="bosoreport ${esc(meta.version)}">\n<style>\n${STYLE}</style>\n</head>\n<body>\n`;
}
const FOOT = '\n</body>\n</html>\n';
const text = (item: string | Iterable<string>) => (typeof item === 'string' ? item : [...item].join(''));

/**
 * The regional overview as one self-contained page: delivery, one table per theme with municipality
 * and period, charts as inline SVG, and the findings across years. Prints to A4 landscape.
 */
export function summaryHtml(model: SummaryModel, meta: { created: string; version: string }): string {
  return embedFonts(`${head(meta)}${[...bodyItems(model, meta)].map(text).join('\n')}${FOOT}`);
}

/**
 * The same page a piece at a time, for an overview of thousands of reports. The fonts it embeds in
 * its head depend on the letters the whole page uses, so the body is made twice: once to find the
 * letters past Latin-1 (the fonts are chosen by the letters a page has), once to write it.
 */
export function* summaryHtmlPieces(model: SummaryModel, meta: { created: string; version: string }): Generator<string> {
  const letters = new Set<string>();
  for (const item of bodyItems(model, meta)) for (const piece of typeof item === 'string' ? [item] : item) for (const c of piece.match(/[^\x00-\xff]/gu) ?? []) letters.add(c);
  const probe = [...letters].join('');
  const embedded = embedFonts(head(meta) + probe);
  yield embedded.slice(0, embedded.length - probe.length);
  let first = true;
  for (const item of bodyItems(model, meta)) {
    if (!first) yield '\n';
    first = false;
    if (typeof item === 'string') yield item;
    else yield* item;
  }
  yield FOOT;
}
