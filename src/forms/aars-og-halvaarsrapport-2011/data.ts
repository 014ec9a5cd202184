import type { Activity, Answer, ProgramInfo } from '../../parts/data.js';

export type TextWithTables = null | string | (string | { tabell: { tittel?: string; kolonner: string[]; rader: string[][] } })[];

/** A report on the combined form (H-2011), half-year or annual, as the schema guarantees it. */
export interface Halvaarsrapport2011 {
  skjema: 'aars-og-halvaarsrapport-2011' | 'halvaarsrapport-2011';
  periode?: 'forste_halvaar' | 'hele_aaret';
  forsidedato?: string;
  generell_programinformasjon: ProgramInfo;
  programplan_status: TextWithTables;
  aktivitetsplan: {
    hovedmaal_og_delmaal: Answer;
    aktiviteter: Activity[];
    faktorer_for_avvik: Answer;
    utlosende_faktorer: Answer;
    justering_av_samarbeidspartnere: Answer;
    programorganisering: Answer;
    sluttkommentar: Answer;
  };
  formidling?: { gode_eksempler: { tittel?: string; tekst: Answer; lenke?: string }[] };
}
