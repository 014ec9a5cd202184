import { exampleDoc, GJOVIK } from '../helpers.js';

/**
 * A small reports repository on the annual form: three municipalities over three years, with one
 * report delivered late (Hamar 2012, 12 days), one missing (Hamar 2013), one whose 01.01 does not
 * follow last year's 31.12 (Toten 2013) and one unknown figure (Gjøvik 2014, bostøtte in January).
 */
export const KOMMUNER = ['Gjøvik', 'Hamar', 'Toten'] as const;
export const YEARS = [2012, 2013, 2014] as const;
const ROWS = ['a_uten_eid_eller_leid_bolig', 'b_fare_for_aa_miste_boligen', 'c_uegnet_bolig'] as const;
const NEED = ['hovedmaal', 'anskaffe_og_beholde_bolig'];

/** Need per row at 31.12 of a year: made up, different per municipality. */
export function need(kommune: number, aar: number, row: number): number {
  return 10 * (kommune + 1) + 3 * row + (aar - 2011) * (row + 1);
}

export function summaryRepository(): Record<string, string> {
  const files: Record<string, string> = {};
  KOMMUNER.forEach((kommune, k) => {
    for (const aar of YEARS) {
      if (kommune === 'Hamar' && aar === 2013) continue;
      const doc = exampleDoc(GJOVIK);
      doc.delete('forsidedato');
      doc.setIn(['generell_programinformasjon', 'kommune'], kommune);
      doc.setIn(['generell_programinformasjon', 'rapporteringsaar'], aar);
      doc.setIn(['generell_programinformasjon', 'rapporteringsdato'], kommune === 'Hamar' && aar === 2012 ? `${aar + 1}-03-12` : `${aar + 1}-02-18`);
      ROWS.forEach((row, r) => {
        const previous = kommune === 'Toten' && aar === 2013 && r === 0 ? need(k, aar - 1, r) + 5 : need(k, aar - 1, r);
        doc.setIn([...NEED, row, 'status_behov_pr_0101'], previous);
        doc.setIn([...NEED, row, 'status_behov_pr_3112'], need(k, aar, r));
        doc.deleteIn([...NEED, row, 'resultat']);
      });
      if (kommune === 'Gjøvik' && aar === 2014) doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'bostottemottakere', 'januar'], null);
      files[`rapporter/${kommune.toLowerCase().replace('ø', 'o')}/${aar}-aarsrapport.yaml`] = doc.toString();
    }
  });
  return files;
}
