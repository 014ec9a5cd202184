import type { Answer, CountRow, NeedRow, ProgramInfo } from '../../parts/data.js';

/** An annual report (Å-2012) as the schema guarantees it. */
export interface Aarsrapport2012 {
  skjema: 'aarsrapport-2012';
  forsidedato?: string;
  generell_programinformasjon: ProgramInfo & { programansvarlig: string };
  hovedmaal: {
    anskaffe_og_beholde_bolig: {
      a_uten_eid_eller_leid_bolig: NeedRow;
      b_fare_for_aa_miste_boligen: NeedRow;
      c_uegnet_bolig: NeedRow;
      samlet_resultat: Answer;
    };
    saerskilt_prioritert_omraade?: NeedRow & { omraade: string };
    kvalitet_paa_boliger_bomiljo_og_booppfolging: Answer;
  };
  delmaal_a: Record<string, Answer>;
  delmaal_b: Record<string, Answer>;
  delmaal_c: {
    c1_okonomiske_virkemidler: {
      fullfinansierte_boligkjop_med_startlaan: CountRow;
      herav_med_fastrente: CountRow;
      samfinansierte_boligkjop: CountRow;
      boligkjop_med_startlaan_og_boligtilskudd: CountRow;
      overgang_fra_kommunal_til_eid_bolig: CountRow;
      tilskudd_til_tilpasning: CountRow;
      bostottemottakere: { januar: number | null; desember: number | null; kommentar?: string };
    };
    c2_kommunalt_disponerte_boliger: {
      kommunalt_disponerte_boliger: CountRow;
      fremskaffet_med_boligtilskudd: CountRow;
      fremskaffet_med_investeringstilskudd: CountRow;
      nye_soknader: CountRow;
      nye_tildelinger: CountRow;
    };
    c3_samlet_resultatoppnaaelse: Answer;
  };
  lokale_maal: { gjeldende_maal_og_strategier: Answer; innsats_og_maaloppnaaelse: Answer };
  laering_og_formidling: Record<string, Answer>;
}

export { NEED_ROWS, type NeedRowKey } from '../../parts/data.js';
