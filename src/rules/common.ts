import type { ProgramInfo } from '../forms/shared/data.js';
import type { PeriodFacts } from '../forms/shared/period.js';
import { formatDate } from '../format/norwegian.js';
import { findStrings } from './paths.js';
import type { Rule } from './types.js';

/** What every form has: general programme information, an optional cover date, period facts. */
interface CommonData {
  forsidedato?: string;
  generell_programinformasjon: ProgramInfo;
}
interface CommonFigures {
  periode: PeriodFacts;
}
type CommonRule = Rule<CommonData, CommonFigures>;

const INFO = 'generell_programinformasjon';

/** A programme start known only to the month counts from the month's first day. */
function startDate(programstart: string): string {
  return programstart.length === 7 ? `${programstart}-01` : programstart;
}

export const programstartEtterRapporteringsdato: CommonRule = {
  id: 'programstart-etter-rapporteringsdato',
  code: 'E7',
  severity: 'error',
  check: ({ data }) => {
    const { programstart, rapporteringsdato } = data.generell_programinformasjon;
    if (!programstart || !rapporteringsdato || startDate(programstart) <= rapporteringsdato) return [];
    return [{ path: [INFO, 'programstart'], params: { start: formatDate(programstart), dato: formatDate(rapporteringsdato) } }];
  },
};

export const rapporteringsdatoForPeriodeslutt: CommonRule = {
  id: 'rapporteringsdato-for-periodeslutt',
  code: 'E7',
  severity: 'error',
  check: ({ figures }) => {
    const p = figures.periode;
    if (!p.rapporteringsdato || p.rapporteringsdato > p.til) return [];
    return [{ path: [INFO, 'rapporteringsdato'], params: { dato: formatDate(p.rapporteringsdato), slutt: formatDate(p.til) } }];
  },
};

export const levertEtterFrist: CommonRule = {
  id: 'levert-etter-frist',
  code: 'W8',
  severity: 'warning',
  check: ({ figures }) => {
    const p = figures.periode;
    if (p.dager_til_frist === null || p.dager_til_frist >= 0) return [];
    return [{ path: [INFO, 'rapporteringsdato'], params: { dato: formatDate(p.rapporteringsdato!), frist: formatDate(p.frist), dager: -p.dager_til_frist } }];
  },
};

export const rapporteringsaarUtenforSkjema: CommonRule = {
  id: 'rapporteringsaar-utenfor-skjema',
  code: 'E6',
  severity: 'warning',
  check: ({ data, form }) => {
    const aar = data.generell_programinformasjon.rapporteringsaar;
    const [fra, til] = form.years;
    if (aar >= fra && aar <= til) return [];
    return [{ path: [INFO, 'rapporteringsaar'], params: { aar, skjema: form.id, fra, til } }];
  },
};

export const forsidedatoAvviker: CommonRule = {
  id: 'forsidedato-avviker',
  code: 'W9',
  severity: 'warning',
  check: ({ data }) => {
    const dato = data.generell_programinformasjon.rapporteringsdato;
    if (!data.forsidedato || !dato || data.forsidedato === dato) return [];
    return [{ path: ['forsidedato'], params: { forside: formatDate(data.forsidedato), dato: formatDate(dato) } }];
  },
};

/** Leftovers from the Word templates: «(ÅRSTALL)», «XXX kommune», «MAL». */
const PLACEHOLDER = /\(ÅRSTALL\)|\bX{3,}\b|\bMAL\b/;

export const plassholder: CommonRule = {
  id: 'plassholder',
  code: 'W9',
  severity: 'warning',
  check: ({ data }) => {
    return findStrings(data, (text) => PLACEHOLDER.test(text)).map(({ text, path }) => ({ path, params: { tekst: PLACEHOLDER.exec(text)![0] } }));
  },
};

/** An empty text where the form expects an answer: what `init` leaves for the author to fill in. */
export const ikkeUtfylt: CommonRule = {
  id: 'ikke-utfylt',
  code: 'E0',
  severity: 'error',
  check: ({ data }) => {
    return findStrings(data, (text) => text.trim() === '').map(({ path }) => ({ path }));
  },
};

/** Rules every form shares. */
export const COMMON_RULES: readonly Rule[] = [
  ikkeUtfylt,
  rapporteringsaarUtenforSkjema,
  programstartEtterRapporteringsdato,
  rapporteringsdatoForPeriodeslutt,
  levertEtterFrist,
  forsidedatoAvviker,
  plassholder,
];
