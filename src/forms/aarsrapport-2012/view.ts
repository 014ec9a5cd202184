import { toPointer } from '../../diagnostics.js';
import { pairedBars } from '../../parts/charts.js';
import { countOf, type CountRow } from '../../parts/data.js';
import type { ViewHelpers } from '../types.js';
import { NEED_ROWS, type Aarsrapport2012 } from './data.js';
import type { Aarsrapport2012Figures } from './derive.js';

/** The rows of a C.1/C.2 table, each with the form's label (from the schema) and its pointer for flags. */
function countRows(section: Record<string, unknown>, base: string[], helpers: ViewHelpers) {
  return Object.entries(section)
    .filter(([, v]) => typeof v !== 'string' && !(v && typeof v === 'object' && 'januar' in v))
    .map(([key, row]) => {
      const c = countOf(row as CountRow);
      const path = [...base, key];
      const valuePath = row !== null && typeof row === 'object' ? [...path, 'resultat'] : path;
      return { nokkel: key, tittel: helpers.title(path) ?? key, resultat: c.value, kommentar: c.kommentar, fordeling: c.fordeling, sti: toPointer(valuePath) };
    });
}

export function viewAarsrapport2012(data: Aarsrapport2012, figures: Aarsrapport2012Figures, helpers: ViewHelpers): Record<string, unknown> {
  const table = ['hovedmaal', 'anskaffe_og_beholde_bolig'];
  const labels = { a_uten_eid_eller_leid_bolig: 'A. Uten eid eller leid bolig', b_fare_for_aa_miste_boligen: 'B. Fare for å miste boligen', c_uegnet_bolig: 'C. Uegnet bolig' };
  return {
    behovsrader: NEED_ROWS.map((k) => ({
      nokkel: k,
      tittel: helpers.title([...table, k]) ?? k,
      forklaring: helpers.description([...table, k]) ?? '',
      rapport: data.hovedmaal.anskaffe_og_beholde_bolig[k],
      tall: figures.behov.rader[k],
      sti: toPointer([...table, k, 'resultat']),
    })),
    behovsdiagram: pairedBars(
      NEED_ROWS.map((k) => ({ label: labels[k], a: figures.behov.rader[k].pr_0101, b: figures.behov.rader[k].pr_3112 })),
      [`Status behov pr. 01.01.${data.generell_programinformasjon.rapporteringsaar}`, `pr. 31.12.${data.generell_programinformasjon.rapporteringsaar}`],
      'Status behov ved årets start og slutt, per kategori',
    ),
    c1rader: countRows(data.delmaal_c.c1_okonomiske_virkemidler, ['delmaal_c', 'c1_okonomiske_virkemidler'], helpers),
    c2rader: countRows(data.delmaal_c.c2_kommunalt_disponerte_boliger, ['delmaal_c', 'c2_kommunalt_disponerte_boliger'], helpers),
  };
}
