import type { Activity, ProgramInfo } from '../../parts/data.js';

export type TextWithTables = string | (string | { tabell: { tittel?: string; kolonner: string[]; rader: string[][] } })[];

/** A report on the combined form (H-2011), half-year or annual, as the schema guarantees it. */
export interface Halvaarsrapport2011 {
  skjema: 'aars-og-halvaarsrapport-2011' | 'halvaarsrapport-2011';
  periode?: 'forste_halvaar' | 'hele_aaret';
  forsidedato?: string;
  generell_programinformasjon: ProgramInfo;
  programplan_status: TextWithTables;
  aktivitetsplan: {
    hovedmaal_og_delmaal: string;
    aktiviteter: Activity[];
    faktorer_for_avvik: string;
    utlosende_faktorer: string;
    justering_av_samarbeidspartnere: string;
    programorganisering: string;
    sluttkommentar: string;
  };
  formidling?: { gode_eksempler: { tittel?: string; tekst: string; lenke?: string }[] };
}
