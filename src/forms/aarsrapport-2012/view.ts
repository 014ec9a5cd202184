import { toPointer } from '../../diagnostics.js';
import { countOf, type CountRow } from '../../parts/data.js';
import type { ViewHelpers } from '../types.js';
import type { Aarsrapport2012 } from './data.js';
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

/** The C.1 and C.2 rows; the need table comes with the shared parts (`skjemadata.behovstabeller`). */
export function viewAarsrapport2012(data: Aarsrapport2012, _figures: Aarsrapport2012Figures, helpers: ViewHelpers): Record<string, unknown> {
  return {
    c1rader: countRows(data.delmaal_c.c1_okonomiske_virkemidler, ['delmaal_c', 'c1_okonomiske_virkemidler'], helpers),
    c2rader: countRows(data.delmaal_c.c2_kommunalt_disponerte_boliger, ['delmaal_c', 'c2_kommunalt_disponerte_boliger'], helpers),
  };
}
