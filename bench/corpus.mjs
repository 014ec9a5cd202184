// The benchmark's corpora, generated once into the system's temporary folder and reused while this
// file and the example it starts from are unchanged (the folder's name carries a hash of both):
//   a  the bench corpus: the Gjøvik example varied per municipality and year (figures, names,
//      dates), one in ten with a schema error and one in ten with a rule error;
//   b  the Gjøvik example as it is, one copy per municipality, dates quoted: several warnings each;
//   c  duplicate-heavy: four files per municipality and year (the report, a copy, a copy with one
//      figure changed, a draft with a schema error), so the cross-report duplicate check fires.
// Dates are quoted in all three, so that YAML 1.1 readers (ajv-cli's js-yaml 3, js-yaml 4's default
// schema) see the same strings as bosoreport.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Scalar, isScalar, parseDocument, visit } from 'yaml';

export const CORPORA = {
  a: 'the bench corpus: the Gjøvik example varied per municipality and year, 1 in 10 with a schema error, 1 in 10 with a rule error',
  b: 'the Gjøvik example copied, one municipality per copy, dates quoted: 4+ warnings each, no errors',
  c: 'duplicate-heavy: 4 files per municipality and year (report, copy, changed copy, broken draft)',
};

const EXAMPLE = 'examples/gjovik-aarsrapport-2012.yaml';

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

/** The n-th municipality name: the list, then the list again with a number («Hamar 2»). */
function kommuneName(n) {
  return `${KOMMUNER[n % KOMMUNER.length]}${n >= KOMMUNER.length ? ` ${Math.floor(n / KOMMUNER.length) + 1}` : ''}`;
}

function slug(kommune) {
  return kommune.toLowerCase().replace('ø', 'o').replace('æ', 'ae').replace(' ', '-');
}

/** Corpus (a)'s report number i: municipality m = ⌊i/3⌋ reports for 2012, 2013 and 2014. */
function variedReport(source, i, random) {
  const m = Math.floor(i / 3);
  const kommune = kommuneName(m);
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
  return { doc, kommune, aar };
}

const SCHEMA_ERROR = ['delmaal_c', 'c1_okonomiske_virkemidler', 'tilskudd_til_tilpasning'];
const RULE_ERROR = ['delmaal_c', 'c1_okonomiske_virkemidler', 'herav_med_fastrente'];

/** (a) as the benchmark has always generated it. */
function* corpusA(source, count) {
  const random = rng(2012);
  for (let i = 0; i < count; i++) {
    const { doc, kommune, aar } = variedReport(source, i, random);
    if (i % 10 === 3) doc.setIn(RULE_ERROR, 99);
    if (i % 10 === 7) doc.setIn(SCHEMA_ERROR, 'X');
    yield [path.join(slug(kommune), `${aar}-aarsrapport.yaml`), doc.toString()];
  }
}

/** (b) the example itself (its cover date, negative results and schema modeline all warn), renamed and with its dates quoted. */
function* corpusB(source, count) {
  const doc = parseDocument(source);
  visit(doc, {
    Scalar(_key, node) {
      if (isScalar(node) && node.type === Scalar.PLAIN && typeof node.value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  for (let i = 0; i < count; i++) {
    const kommune = kommuneName(i);
    doc.setIn(['generell_programinformasjon', 'kommune'], kommune);
    yield [path.join(slug(kommune), '2012-aarsrapport.yaml'), doc.toString()];
  }
}

/** (c) groups of four files for one municipality and year, as a shared folder collects them. */
function* corpusC(source, count) {
  const random = rng(2013);
  const NAMES = ['aarsrapport', 'aarsrapport-kopi', 'aarsrapport-v2', 'aarsrapport-utkast'];
  for (let g = 0; g * 4 < count; g++) {
    const { doc, kommune, aar } = variedReport(source, g, random);
    for (let copy = 0; copy < 4 && g * 4 + copy < count; copy++) {
      if (copy === 2) doc.setIn(['delmaal_c', 'c2_kommunalt_disponerte_boliger', 'nye_tildelinger'], 7);
      if (copy === 3) doc.setIn(SCHEMA_ERROR, 'X');
      yield [path.join(slug(kommune), `${aar}-${NAMES[copy]}.yaml`), doc.toString()];
    }
  }
}

const GENERATORS = { a: corpusA, b: corpusB, c: corpusC };

/** Changes whenever this generator or the example changes: a corpus made by another version is not reused. */
export function corpusKey(root) {
  const hash = createHash('sha256');
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(readFileSync(path.join(root, EXAMPLE)));
  return hash.digest('hex').slice(0, 12);
}

export function corporaBase() {
  return path.join(os.tmpdir(), 'bosoreport-bench-corpora');
}

/**
 * The folder of corpus `kind` with `count` reports, generated if this version has not made it yet
 * (written beside it and renamed, so an interrupted run leaves nothing that looks finished).
 * Corpora of other versions are removed.
 */
export function ensureCorpus(kind, count, root) {
  const key = corpusKey(root);
  const base = corporaBase();
  mkdirSync(base, { recursive: true });
  for (const entry of readdirSync(base)) if (!entry.startsWith(`${key}-`)) rmSync(path.join(base, entry), { recursive: true, force: true });
  const dir = path.join(base, `${key}-${kind}-${count}`);
  const marker = path.join(dir, '.corpus.json');
  if (existsSync(marker)) return { ...JSON.parse(readFileSync(marker, 'utf8')), dir, reused: true };
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const source = readFileSync(path.join(root, EXAMPLE), 'utf8');
  let files = 0;
  let bytes = 0;
  for (const [name, text] of GENERATORS[kind](source, count)) {
    const file = path.join(partial, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    files++;
    bytes += Buffer.byteLength(text);
  }
  const facts = { kind, count, files, bytes, key };
  writeFileSync(path.join(partial, '.corpus.json'), `${JSON.stringify(facts)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  return { ...facts, dir, reused: false };
}

/** Whether a corpus still holds what was generated (a command that wrote into it would spoil later runs). */
export function corpusIntact(corpus) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(corpus.dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return files === corpus.files && bytes === corpus.bytes;
}

/** Marks a spoilt corpus for regeneration on the next run. */
export function discardCorpus(corpus) {
  rmSync(corpus.dir, { recursive: true, force: true });
}
