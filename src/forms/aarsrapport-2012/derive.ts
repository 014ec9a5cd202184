import { countOf, type Count } from '../../parts/data.js';
import { difference, needFigures, needTableFigures, ratio, round, sum, type NeedFigures, type NeedTableFigures, type Ratio } from '../../parts/figures.js';
import { isoDate, type PeriodFacts } from '../../parts/period.js';
import type { Aarsrapport2012 } from './data.js';

/** Every figure bosoreport computes for an annual report; the `beregnet` part of `compute --json`. */
export interface Aarsrapport2012Figures {
  periode: PeriodFacts;
  behov: NeedTableFigures;
  saerskilt_prioritert_omraade: (NeedFigures & { aar: number; dato_0101: string; dato_3112: string; omraade: string }) | null;
  fastrenteandel: Ratio;
  tildelingsrate: Ratio;
  bostotte: { januar: Count; desember: Count; endring: Count; endring_andel: number | null };
  kommunalt_disponerte_boliger_fordeling: { oppgitt: Count; sum_av_deler: Count; differanse: Count } | null;
}

/** One pass from a schema-valid annual report to its own figures (the period comes from form.yaml). Pure; unknown stays unknown. */
export function deriveAarsrapport2012(report: Aarsrapport2012): Omit<Aarsrapport2012Figures, 'periode'> {
  const aar = report.generell_programinformasjon.rapporteringsaar;

  const special = report.hovedmaal.saerskilt_prioritert_omraade;
  const c1 = report.delmaal_c.c1_okonomiske_virkemidler;
  const c2 = report.delmaal_c.c2_kommunalt_disponerte_boliger;
  const bostotte = c1.bostottemottakere;
  const bostotteEndring = difference(bostotte.desember, bostotte.januar);
  const disponerte = countOf(c2.kommunalt_disponerte_boliger);
  const fordeling = disponerte.fordeling;

  return {
    behov: needTableFigures(report.hovedmaal.anskaffe_og_beholde_bolig, aar),
    saerskilt_prioritert_omraade: special
      ? { aar: aar + 1, dato_0101: isoDate(aar + 1, 1, 1), dato_3112: isoDate(aar + 1, 12, 31), omraade: special.omraade, ...needFigures(special) }
      : null,
    fastrenteandel: ratio(countOf(c1.herav_med_fastrente).value, countOf(c1.fullfinansierte_boligkjop_med_startlaan).value),
    tildelingsrate: ratio(countOf(c2.nye_tildelinger).value, countOf(c2.nye_soknader).value),
    bostotte: {
      januar: bostotte.januar,
      desember: bostotte.desember,
      endring: bostotteEndring,
      endring_andel: bostotteEndring === null || !bostotte.januar ? null : round(bostotteEndring / bostotte.januar, 6),
    },
    kommunalt_disponerte_boliger_fordeling: fordeling
      ? (() => {
          const parts = sum(fordeling.map((f) => f.antall));
          return { oppgitt: disponerte.value, sum_av_deler: parts, differanse: difference(disponerte.value, parts) };
        })()
      : null,
  };
}
