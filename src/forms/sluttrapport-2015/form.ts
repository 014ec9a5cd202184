import { isoDate } from '../../parts/period.js';
import type { SharedFigures } from '../../parts/shared-figures.js';
import type { FormModule } from '../types.js';

interface Sluttrapport {
  generell_programinformasjon: { programstart: string | null; rapporteringsaar: number };
}

/**
 * The need table of a final report runs over the whole programme: its 01.01 is the first
 * programme year's (from programstart), its 31.12 the last year's. Unknown start: the dates say so.
 */
function derive(data: Sluttrapport, shared: SharedFigures): Record<string, unknown> {
  const start = data.generell_programinformasjon.programstart;
  const tables = Object.fromEntries(
    Object.entries(shared.behovstabeller ?? {}).map(([at, t]) => [at, { ...t, dato_0101: start ? isoDate(Number(start.slice(0, 4)), 1, 1) : t.dato_0101 }]),
  );
  return { ...shared, behovstabeller: tables };
}

export const form: FormModule = { derive: derive as FormModule['derive'] };
