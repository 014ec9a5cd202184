import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { exampleDoc, exampleText, GJOVIK, LILLEHAMMER, ROOT, runMain, tempTree, type CliRun } from '../helpers.js';

const ROWS = ['a_uten_eid_eller_leid_bolig', 'b_fare_for_aa_miste_boligen', 'c_uegnet_bolig'];
const NEED = ['hovedmaal', 'anskaffe_og_beholde_bolig'];
const KOMMUNER = ['Gjøvik', 'Hamar', 'Moss', 'Halden', 'Elverum', 'Bærum', 'Kongsvinger', 'Ringsaker'];
const key = (k: string) => k.toLowerCase().replace('ø', 'o').replace('æ', 'ae');

/** An annual report for one municipality and year, consistent with its neighbours: 31.12 of one year is 01.01 of the next. */
function annual(kommune: string, aar: number, change?: (doc: Document) => void): string {
  const doc = exampleDoc(GJOVIK);
  doc.setIn(['generell_programinformasjon', 'kommune'], kommune);
  doc.setIn(['generell_programinformasjon', 'rapporteringsaar'], aar);
  doc.setIn(['generell_programinformasjon', 'rapporteringsdato'], `${aar + 1}-02-15`);
  doc.delete('forsidedato');
  ROWS.forEach((row, i) => {
    doc.setIn([...NEED, row, 'status_behov_pr_0101'], 10 * i + (aar - 2012));
    doc.setIn([...NEED, row, 'status_behov_pr_3112'], 10 * i + (aar - 2011));
    doc.deleteIn([...NEED, row, 'resultat']);
  });
  change?.(doc);
  return doc.toString();
}

/**
 * A reports repository: eight municipalities × three years of annual reports plus half-year reports,
 * with one deliberate mistake of each kind.
 */
function repository(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const k of KOMMUNER) for (const aar of [2012, 2013, 2014]) files[`reports/${key(k)}/${aar}-aarsrapport.yaml`] = annual(k, aar);
  for (const k of KOMMUNER.slice(0, 3)) {
    const doc = exampleDoc(LILLEHAMMER);
    doc.setIn(['generell_programinformasjon', 'kommune'], k);
    doc.delete('forsidedato');
    files[`reports/${key(k)}/2011-halvaarsrapport.yaml`] = doc.toString();
  }
  // X1: Hamar's 2013 start figure for row B is not its 2012 end figure.
  files['reports/hamar/2013-aarsrapport.yaml'] = annual('Hamar', 2013, (d) => d.setIn([...NEED, 'b_fare_for_aa_miste_boligen', 'status_behov_pr_0101'], 99));
  // X2: Moss named another priority area in 2014 than the one it announced in 2013.
  files['reports/moss/2014-aarsrapport.yaml'] = annual('Moss', 2014, (d) => d.setIn(['hovedmaal', 'saerskilt_prioritert_omraade', 'omraade'], 'Antall unge med boligbehov'));
  // X3: a copy of Elverum 2013 under another name.
  files['reports/elverum/2013-aarsrapport-kopi.yaml'] = annual('Elverum', 2013);
  // X4: a Bærum report filed under Kongsvinger.
  files['reports/kongsvinger/2015-aarsrapport.yaml'] = annual('Bærum', 2015);
  // A schema error and a YAML error.
  files['reports/ringsaker/2015-aarsrapport.yaml'] = annual('Ringsaker', 2015, (d) => d.setIn(['delmaal_c', 'c2_kommunalt_disponerte_boliger', 'nye_soknader'], 'mange'));
  files['reports/halden/2015-aarsrapport.yaml'] = 'skjema: aarsrapport-2012\ngenerell_programinformasjon:\n  kommune: Halden\n kommune: feil innrykk\n';
  return files;
}

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => void;

describe('a reports repository in CI', () => {
  const t = tempTree(repository());
  const fileCount = Object.keys(repository()).length;
  let json: {
    filer: { fil: string; feil: number; advarsler: number; diagnostikk: { ruleId: string; line: number; severity: string; message: string }[] }[];
    feil: number;
    advarsler: number;
  };
  let jsonRun: CliRun;

  beforeAll(async () => {
    jsonRun = await runMain(['validate', 'reports', '--format', 'json'], { cwd: t.dir });
    json = JSON.parse(jsonRun.stdout);
  });
  afterAll(async () => t.cleanup());

  const hits = (ruleId: string) => json.filer.flatMap((f) => f.diagnostikk.filter((d) => d.ruleId === ruleId).map((d) => ({ file: f.fil, ...d })));

  it('checks every file even when some fail, and exits 1', async () => {
    expect(fileCount).toBeGreaterThanOrEqual(30);
    expect(json.filer).toHaveLength(fileCount);
    expect(jsonRun.status).toBe(1);
    expect(hits('schema/type').map((h) => h.file)).toEqual(['reports/ringsaker/2015-aarsrapport.yaml']);
    expect(hits('yaml/syntax').map((h) => h.file)).toEqual(['reports/halden/2015-aarsrapport.yaml']);
  });

  it("compares this year's 01.01 with last year's 31.12 (X1), only where they differ", () => {
    const x1 = hits('status-0101-ulik-fjoraaret');
    expect(x1.map((h) => h.file)).toEqual(['reports/hamar/2013-aarsrapport.yaml']);
    expect(x1[0]!.message).toContain("status at 01.01.2013 is 99, but last year's report gave 11 at 31.12.2012 (reports/hamar/2012-aarsrapport.yaml)");
    const text = readFileSync(path.join(t.dir, 'reports/hamar/2013-aarsrapport.yaml'), 'utf8').split('\n');
    expect(text[x1[0]!.line - 1]).toContain('status_behov_pr_0101: 99');
  });

  it("checks that last year's priority area is carried on (X2)", () => {
    expect(hits('saerskilt-ikke-viderefort').map((h) => h.file)).toEqual(['reports/moss/2014-aarsrapport.yaml']);
  });

  it('finds two reports for the same municipality and period (X3)', async () => {
    const x3 = hits('dobbel-rapport');
    expect(x3.map((h) => h.file)).toEqual(['reports/elverum/2013-aarsrapport.yaml']);
    expect(x3[0]!.severity).toBe('error');
    expect(x3[0]!.message).toContain('reports/elverum/2013-aarsrapport-kopi.yaml');
  });

  it('finds a file whose folder or name disagrees with its content (X4)', async () => {
    expect(hits('filnavn-stemmer-ikke').map((h) => h.file)).toEqual(['reports/kongsvinger/2015-aarsrapport.yaml']);
  });

  it('writes well-formed JUnit XML with one failing case per report with errors', async () => {
    const r = await runMain(['validate', 'reports', '--format', 'junit'], { cwd: t.dir });
    expect(r.status).toBe(1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout).toContain(`<testsuites name="bosoreport" tests="${fileCount}" failures="3">`);
    expect((r.stdout.match(/<testcase /g) ?? []).length).toBe(fileCount);
  });

  it('writes SARIF 2.1.0 that validates against the SARIF schema', async () => {
    const out = 'results/bosoreport.sarif';
    const r = await runMain(['validate', 'reports', '--format', 'sarif', '-o', out], { cwd: t.dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(path.join(t.dir, out), 'utf8'));
    // The published SARIF schema is draft-04; its keywords read the same under ajv's draft-07 but for the two header fields.
    const { $schema: _draft, id, ...schema } = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    schema.$id = id;
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = sarif.runs[0].results;
    expect(results.length).toBe(json.feil + json.advarsler);
    expect(results.find((x: { ruleId: string }) => x.ruleId === 'dobbel-rapport').locations[0].physicalLocation.artifactLocation.uri).toBe('reports/elverum/2013-aarsrapport.yaml');
  });

  it('prints GitHub annotations with file, line and column, as many of each severity as GitHub shows, and the rest in the log', async () => {
    const r = await runMain(['validate', 'reports', '--format', 'github'], { cwd: t.dir });
    const lines = r.stdout.trim().split('\n');
    const annotations = lines.filter((l) => /^::(error|warning) /.test(l));
    for (const line of annotations) expect(line).toMatch(/^::(error|warning) file=[^,]+(,line=\d+,col=\d+,endLine=\d+,endColumn=\d+)?,title=bosoreport [^:]+::.+$/);
    expect(annotations.filter((l) => l.startsWith('::error '))).toHaveLength(Math.min(10, json.feil));
    expect(annotations.filter((l) => l.startsWith('::warning '))).toHaveLength(Math.min(10, json.advarsler));
    expect(lines.filter((l) => /^(error|warning) reports\//.test(l))).toHaveLength(json.feil + json.advarsler - annotations.length);
    expect(lines).toContainEqual(expect.stringMatching(/^(::error file=|error )reports\/ringsaker\/2015-aarsrapport\.yaml.*Antall nye søknader/));
  });

  it('counts warnings against --max-warnings, and --quiet shows errors only', async () => {
    const clean = tempTree({ 'reports/gjovik/2012-aarsrapport.yaml': annual('Gjøvik', 2012, (d) => d.set('forsidedato', '2013-01-15')) });
    try {
      expect((await runMain(['validate', 'reports'], { cwd: clean.dir })).status).toBe(0);
      expect((await runMain(['validate', 'reports', '--max-warnings', '1'], { cwd: clean.dir })).status).toBe(0);
      const over = await runMain(['validate', 'reports', '--max-warnings', '0'], { cwd: clean.dir });
      expect(over.status).toBe(1);
      expect(over.stderr).toContain('Too many warnings: 1 (at most 0 allowed by --max-warnings).');
      const quiet = await runMain(['validate', 'reports', '--quiet'], { cwd: clean.dir });
      expect(quiet.stdout).not.toContain('forsidedato-avviker');
      expect((await runMain(['validate', 'reports', '--format', 'xml'], { cwd: clean.dir })).status).toBe(2);
    } finally {
      clean.cleanup();
    }
  });
});

describe('init, schema and forms', () => {
  it('init writes a report whose only problems are the fields to fill in', async () => {
    const t = tempTree({});
    try {
      for (const [form, aar] of [
        ['aarsrapport-2012', '2013'],
        ['halvaarsrapport-2011', '2012'],
      ] as const) {
        const out = `reports/gjovik/${aar}-${form.split('-')[0]}.yaml`;
        const r = await runMain(['init', form, '--kommune', 'Gjøvik', '--aar', aar, '-o', out], { cwd: t.dir });
        expect(r.status).toBe(0);
        const text = readFileSync(path.join(t.dir, out), 'utf8');
        expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*schemas\/.*\.schema\.json$/);
        expect(text).toContain('# Programleder: Navnet på kommunens programleder.');
        const v = JSON.parse((await runMain(['validate', out, '--format', 'json'], { cwd: t.dir })).stdout);
        const ids = new Set(v.filer[0].diagnostikk.map((d: { ruleId: string }) => d.ruleId));
        // Only the fields to fill in: empty texts, and values init marked «null  # fyll inn» (never «why unknown?»).
        expect([...ids]).toEqual(['ikke-utfylt']);
      }
    } finally {
      t.cleanup();
    }
  });

  it("init --from carries last year's 31.12 figures into this year's 01.01, and never overwrites", async () => {
    const { parse } = await import('yaml');
    const t = tempTree({ 'reports/gjovik/2012-aarsrapport.yaml': exampleText(GJOVIK) });
    try {
      const out = 'reports/gjovik/2013-aarsrapport.yaml';
      expect(
        (await runMain(['init', 'aarsrapport-2012', '--kommune', 'Gjøvik', '--aar', '2013', '--from', 'reports/gjovik/2012-aarsrapport.yaml', '-o', out], { cwd: t.dir })).status,
      ).toBe(0);
      const text = readFileSync(path.join(t.dir, out), 'utf8');
      const data = parse(text);
      const need = data.hovedmaal.anskaffe_og_beholde_bolig;
      expect([need.a_uten_eid_eller_leid_bolig.status_behov_pr_0101, need.b_fare_for_aa_miste_boligen.status_behov_pr_0101, need.c_uegnet_bolig.status_behov_pr_0101]).toEqual([
        8, 11, 30,
      ]);
      expect(need.a_uten_eid_eller_leid_bolig.status_behov_pr_3112).toBeNull();
      expect(data.generell_programinformasjon.programleder).toBe('Ola Brenner Jordet');
      expect(data.hovedmaal.saerskilt_prioritert_omraade.omraade).toBe('Antall barnefamilier med boligbehov');
      // The cross-report check agrees that 01.01.2013 follows from 31.12.2012.
      const v = JSON.parse((await runMain(['validate', 'reports', '--format', 'json'], { cwd: t.dir })).stdout);
      expect(v.filer.flatMap((f: { diagnostikk: { ruleId: string }[] }) => f.diagnostikk.map((d) => d.ruleId))).not.toContain('status-0101-ulik-fjoraaret');

      const again = await runMain(['init', 'aarsrapport-2012', '--kommune', 'Gjøvik', '--aar', '2013', '-o', out], { cwd: t.dir });
      expect(again.status).toBe(2);
      expect(again.stderr).toContain('already exists');
      expect(readFileSync(path.join(t.dir, out), 'utf8')).toBe(text);
    } finally {
      t.cleanup();
    }
  });

  it('schema prints one self-contained schema that accepts the example', async () => {
    const r = await runMain(['schema', 'aarsrapport-2012']);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('felles.schema.json');
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ strict: false });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    ajv.addFormat('dato-eller-maaned', /^\d{4}-\d{2}(-\d{2})?$/);
    const { parse } = await import('yaml');
    expect(ajv.compile(JSON.parse(r.stdout))(parse(exampleText(GJOVIK)))).toBe(true);
    expect((await runMain(['schema', 'arsrapport-2012'])).stderr).toContain('Did you mean "aarsrapport-2012"?');
  });

  it('forms lists the forms and their years', async () => {
    const r = await runMain(['forms']);
    expect(r.stdout).toMatch(/^aars-og-halvaarsrapport-2011\s+Annual and half-year report \(2011 form\)\s+\(2011–2012/m);
    expect(r.stdout).toMatch(/^aarsrapport-2012\s+Annual report \(2012–2014 form\)\s+\(2012–2014/m);
  });
});
