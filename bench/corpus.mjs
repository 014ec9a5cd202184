// Generates a corpus of annual reports for the benchmark: the Gjøvik example varied per municipality
// and year (figures, names, dates), about one in ten with a deliberate mistake, like a real region.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Scalar, parseDocument } from 'yaml';

/** Dates quoted, so that YAML 1.1 readers (ajv-cli's js-yaml 3) see the same strings as bosoreport. */
function quoted(value) {
  const node = new Scalar(value);
  node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

const KOMMUNER = [
  'Gjøvik',
  'Hamar',
  'Moss',
  'Halden',
  'Elverum',
  'Bærum',
  'Kongsvinger',
  'Ringsaker',
  'Lillehammer',
  'Lørenskog',
  'Asker',
  'Sarpsborg',
  'Drammen',
  'Fredrikstad',
  'Larvik',
  'Tønsberg',
  'Skien',
  'Porsgrunn',
  'Arendal',
  'Kristiansand',
];
const ROWS = ['a_uten_eid_eller_leid_bolig', 'b_fare_for_aa_miste_boligen', 'c_uegnet_bolig'];
const NEED = ['hovedmaal', 'anskaffe_og_beholde_bolig'];

/** A small deterministic generator, so every run measures the same corpus. */
function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

export function writeCorpus(dir, count, root) {
  rmSync(dir, { recursive: true, force: true });
  const source = readFileSync(path.join(root, 'examples/gjovik-aarsrapport-2012.yaml'), 'utf8');
  const random = rng(2012);
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    // Each municipality reports for 2012, 2013 and 2014; names repeat with a number to reach the count.
    const m = Math.floor(i / 3);
    const kommune = `${KOMMUNER[m % KOMMUNER.length]}${m >= KOMMUNER.length ? ` ${Math.floor(m / KOMMUNER.length) + 1}` : ''}`;
    const aar = 2012 + (i % 3);
    const doc = parseDocument(source);
    doc.setIn(['generell_programinformasjon', 'kommune'], kommune);
    doc.setIn(['generell_programinformasjon', 'rapporteringsaar'], aar);
    doc.setIn(['generell_programinformasjon', 'rapporteringsdato'], quoted(`${aar + 1}-02-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`));
    doc.setIn(['generell_programinformasjon', 'programstart'], quoted('2010-12-22'));
    doc.delete('forsidedato');
    // Last year's 31.12 is this year's 01.01, as in a consistent repository.
    ROWS.forEach((row, r) => {
      const level = (y) => ((m * 31 + r * 17 + y * 7) % 50) + 3;
      doc.setIn([...NEED, row, 'status_behov_pr_0101'], level(aar - 1));
      doc.setIn([...NEED, row, 'status_behov_pr_3112'], level(aar));
      doc.deleteIn([...NEED, row, 'resultat']);
    });
    doc.setIn(['delmaal_c', 'c2_kommunalt_disponerte_boliger', 'nye_soknader'], 100 + Math.floor(random() * 300));
    doc.setIn(['delmaal_c', 'c2_kommunalt_disponerte_boliger', 'nye_tildelinger'], Math.floor(random() * 100));
    if (i % 10 === 3) doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'herav_med_fastrente'], 99); // rule error
    if (i % 10 === 7) doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'tilskudd_til_tilpasning'], 'X'); // schema error
    const name = kommune.toLowerCase().replace('ø', 'o').replace('æ', 'ae').replace(' ', '-');
    const file = path.join(dir, name, `${aar}-aarsrapport.yaml`);
    mkdirSync(path.dirname(file), { recursive: true });
    const text = doc.toString();
    bytes += Buffer.byteLength(text);
    writeFileSync(file, text);
  }
  return bytes;
}
