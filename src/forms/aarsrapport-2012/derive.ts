import { toPointer } from '../../diagnostics.js';
import { countOf, type Count } from '../../parts/data.js';
import { difference, needFigures, partOf, ratio, round, sum, type NeedFigures, type NeedTableFigures, type Ratio } from '../../parts/figures.js';
import { isoDate } from '../../parts/period.js';
import type { CommonFigures } from '../../parts/shared-figures.js';
import type { Aarsrapport2012 } from './data.js';

/** The form's own figures (their JSON Schema is beregnet.schema.json beside this file). */
export type Aarsrapport2012Own = {
  saerskilt_prioritert_omraade: (NeedFigures & { aar: number; dato_0101: string; dato_3112: string; omraade: string }) | null;
  fastrenteandel: Ratio;
  tildelingsrate: Ratio;
  bostotte: { januar: Count; desember: Count; endring: Count; endring_andel: number | null };
  boligkjop_med_boligtilskudd: Count;
  kommunalt_disponerte_boliger: Count;
  kommunalt_disponerte_boliger_fordeling: { oppgitt: Count; sum_av_deler: Count; differanse: Count } | null;
};

/** Every figure of an annual report, the `beregnet` of `compute --json`: the shared ones and the form's own. */
export type Aarsrapport2012Figures = CommonFigures & Aarsrapport2012Own;

/** Where the need table stands, and so its key in `behovstabeller`. */
export const NEED_TABLE = toPointer(['hovedmaal', 'anskaffe_og_beholde_bolig']);

/** The need table's figures; the schema requires the table, so every annual report has them. */
export function needTable(f: CommonFigures): NeedTableFigures {
  return f.behovstabeller![NEED_TABLE]!;
}

/** One pass from a schema-valid annual report to its own figures. Pure; unknown stays unknown. */
export function deriveAarsrapport2012(report: Aarsrapport2012): Aarsrapport2012Own {
  const aar = report.generell_programinformasjon.rapporteringsaar;

  const special = report.hovedmaal.saerskilt_prioritert_omraade;
  const c1 = report.delmaal_c.c1_okonomiske_virkemidler;
  const c2 = report.delmaal_c.c2_kommunalt_disponerte_boliger;
  const bostotte = c1.bostottemottakere;
  const bostotteEndring = difference(bostotte.desember, bostotte.januar);
  const disponerte = countOf(c2.kommunalt_disponerte_boliger);
  const fordeling = disponerte.fordeling;

  return {
    saerskilt_prioritert_omraade: special
      ? { aar: aar + 1, dato_0101: isoDate(aar + 1, 1, 1), dato_3112: isoDate(aar + 1, 12, 31), omraade: special.omraade, ...needFigures(special) }
      : null,
    fastrenteandel: partOf(countOf(c1.herav_med_fastrente).value, countOf(c1.fullfinansierte_boligkjop_med_startlaan).value),
    tildelingsrate: ratio(countOf(c2.nye_tildelinger).value, countOf(c2.nye_soknader).value),
    bostotte: {
      januar: bostotte.januar,
      desember: bostotte.desember,
      endring: bostotteEndring,
      endring_andel: bostotteEndring === null || !bostotte.januar ? null : round(bostotteEndring / bostotte.januar, 6),
    },
    // The two counts the overview shows that no ratio above holds.
    boligkjop_med_boligtilskudd: countOf(c1.boligkjop_med_startlaan_og_boligtilskudd).value,
    kommunalt_disponerte_boliger: disponerte.value,
    kommunalt_disponerte_boliger_fordeling: fordeling
      ? (() => {
          const parts = sum(fordeling.map((f) => f.antall));
          return { oppgitt: disponerte.value, sum_av_deler: parts, differanse: difference(disponerte.value, parts) };
        })()
      : null,
  };
}
