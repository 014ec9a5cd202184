import { toPointer } from '../../diagnostics.js';
import { chartLang } from '../../parts/charts.js';
import { yearColumns } from '../../parts/series-chart.js';
import { byYear, type SeriesFigures, type Sluttrapport2015 } from './series.js';

/** A series' name with its unit, as a table row or chart names it: «Startlån (lån)». */
const label = (navn: string, enhet: string | null | undefined) => (enhet ? `${navn} (${enhet})` : navn);

/**
 * The series for the template. `serietabell` is the form's table (both copies): one row per series,
 * one column per year any series has, a year a series lacks left empty. `serieendringer` is
 * bosoreport's (the working copy's appendix): each series' changes and its chart.
 */
export function viewSluttrapport2015(data: Sluttrapport2015, figures: { tallserier: SeriesFigures[] }): Record<string, unknown> {
  const series = data.tallserier ?? [];
  const years = [...new Set(series.flatMap((s) => s.tall_per_aar.map((v) => v.aar)))].sort((a, b) => a - b);
  const rader = series.map((s, i) => {
    const values = byYear(s.tall_per_aar);
    const at = (aar: number) => values.find((v) => v.aar === aar);
    return {
      navn: s.navn,
      enhet: s.enhet,
      // A year not written is no answer at all (an empty cell); a value written null is «unknown».
      celler: years.map((aar) => ({ skrevet: at(aar) !== undefined, antall: at(aar)?.antall })),
      kommentar: s.kommentar,
      aarskommentarer: values.filter((v) => v.kommentar).map((v) => ({ aar: v.aar, kommentar: v.kommentar })),
      // Findings on any year of the series (a year twice, a year outside the period) show in its row.
      stier: s.tall_per_aar.map((_, j) => toPointer(['tallserier', i, 'tall_per_aar', j, 'aar'])),
    };
  });
  const serieendringer = figures.tallserier.map((f, i) => ({
    ...f,
    tittel: label(f.navn, f.enhet),
    diagram: yearColumns(byYear(series[i]!.tall_per_aar), `${label(f.navn, f.enhet)}, per år`, chartLang(data)),
  }));
  // The years share what the name (22 %) and comment (26 %) columns leave.
  const aarbredde = (52 / Math.max(1, years.length)).toFixed(1);
  return { serietabell: series.length ? { aar: years, aarbredde, rader } : null, serieendringer };
}
