import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { docx, para } from '../../bench/docx-maker.mjs';
import { exampleForm, ROOT, runMain, tempTree } from '../helpers.js';

const seed = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/import', `${name}.txt`));
let t: { dir: string; cleanup: () => void };
beforeEach(() => {
  t = tempTree({
    'arkiv/gjovik-2012.txt': seed('gjovik-aarsrapport-2012'),
    'arkiv/lillehammer-2011.txt': seed('lillehammer-halvaarsrapport-2011'),
    'arkiv/skannet.pdf': '%PDF-1.4\n',
    'arkiv/gammel.doc': 'not read yet',
    'tom.txt': '   \n',
    'handleliste.txt': 'Melk, brød og egg. Husk å ringe tannlegen.\n',
    '.git/HEAD': 'ref: refs/heads/main\n',
  });
});
afterEach(() => t.cleanup());
const read = (rel: string) => readFileSync(path.join(t.dir, rel), 'utf8');

describe('bosoreport import', () => {
  it('writes a draft per report in the repository layout, each value with its source, and runs the checks on them', async () => {
    const r = await runMain(['import', 'arkiv/gjovik-2012.txt', 'arkiv/lillehammer-2011.txt', '--lang', 'nb'], { cwd: t.dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('arkiv/gjovik-2012.txt → rapporter/gjovik/2012-aarsrapport.yaml: aarsrapport-2012 (106 av 107 linjer i skjemaets tekst står i kilden)');
    expect(r.stdout).toContain('rapporter/lillehammer/2011-halvaarsrapport.yaml');
    expect(r.stdout).toContain('2 kilder: 2 utkast skrevet, 0 kunne ikke leses.');
    // The drafts have fields left to fill in: the checks count them; as with init, that is the draft's state, not a failed run.
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/validate: \d+ feil og \d+ advarsler å se på; kjør «npx bosoreport validate rapporter\/gjovik\/2012-aarsrapport\.yaml»/);
    const draft = read('rapporter/gjovik/2012-aarsrapport.yaml');
    expect(draft).toMatch(/rapporteringsdato: 2013-02-18 # kilde: side 2: «18\.02\.2013»/);
    expect(read('rapporter/lillehammer/2011-halvaarsrapport.yaml')).toMatch(/# Ikke lest inn: importen leser ikke denne delen av skjemaet ennå\.\n\s+aktiviteter:/);
    const data = parse(draft);
    expect(data.hovedmaal.anskaffe_og_beholde_bolig.b_fare_for_aa_miste_boligen.status_behov_pr_3112).toBe(11);
    // Nothing the schema refuses: what is left is the author's to fill in or look at.
    const check = await runMain(['validate', 'rapporter/gjovik/2012-aarsrapport.yaml', '-f', 'json'], { cwd: t.dir });
    const rules = new Set((JSON.parse(check.stdout) as { filer: { diagnostikk: { ruleId: string }[] }[] }).filer.flatMap((f) => f.diagnostikk.map((d) => d.ruleId)));
    expect([...rules].filter((id) => !['ikke-utfylt', 'negativt-resultat', 'forsidedato-avviker'].includes(id))).toEqual([]);
  });

  it('never overwrites a draft without --force, and replaces it with --force', async () => {
    await runMain(['import', 'arkiv/gjovik-2012.txt'], { cwd: t.dir });
    writeFileSync(path.join(t.dir, 'rapporter/gjovik/2012-aarsrapport.yaml'), 'skjema: aarsrapport-2012 # mended by hand\n');
    const again = await runMain(['import', 'arkiv/gjovik-2012.txt'], { cwd: t.dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('rapporter/gjovik/2012-aarsrapport.yaml is already there and is not overwritten; use --force');
    expect(read('rapporter/gjovik/2012-aarsrapport.yaml')).toContain('mended by hand');
    const forced = await runMain(['import', 'arkiv/gjovik-2012.txt', '--force'], { cwd: t.dir });
    expect(forced.status).toBe(0);
    expect(read('rapporter/gjovik/2012-aarsrapport.yaml')).toContain('kilde: side 2');
  });

  it('says what it cannot read and why, goes on with the rest, and exits 2', async () => {
    const r = await runMain(['import', 'arkiv', 'tom.txt', 'handleliste.txt'], { cwd: t.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/arkiv\/skannet\.pdf: cannot read the file as a PDF \(.+\)\. Is it whole\?/);
    expect(r.stderr).toContain('arkiv/gammel.doc: cannot read .doc files. Import reads .docx, PDF and text (.txt)');
    expect(r.stderr).toContain('tom.txt: the file has no text. A scanned PDF holds only pictures');
    expect(r.stderr).toMatch(/handleliste\.txt: could not tell which form the text is on \(aars-og-halvaarsrapport-2011: 0\/55, aarsrapport-2012: \d+\/107\)/);
    expect(r.stdout).toContain('6 sources: 2 drafts written, 4 could not be read.');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('takes the form from --skjema, and refuses a form it does not know', async () => {
    const named = await runMain(['import', 'arkiv/lillehammer-2011.txt', '--skjema', 'aars-og-halvaarsrapport-2011', '--dir', 'utkast'], { cwd: t.dir });
    expect(named.stdout).toContain(
      'arkiv/lillehammer-2011.txt → utkast/rapporter/lillehammer/2011-halvaarsrapport.yaml: aars-og-halvaarsrapport-2011 (chosen with --skjema; 55 of the 55 lines',
    );
    const unknown = await runMain(['import', 'arkiv/lillehammer-2011.txt', '--skjema', 'aarsrapport-2021'], { cwd: t.dir });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('aarsrapport-2012');
  });

  it("names a repository form's import map that cannot be used, and reads nothing with it", async () => {
    const form = Object.fromEntries(Object.entries(exampleForm()).map(([name, text]) => [`repo/skjemaer/statusnotat-2013/${name}`, text]));
    const repo = tempTree({
      ...form,
      'repo/skjemaer/statusnotat-2013/skjematekst.txt': 'STATUSNOTAT\nKommune:\n',
      'repo/skjemaer/statusnotat-2013/innlesing.yaml': 'felt:\n  - { linje: "Kommune:" }\n',
      'repo/.bosoreport.yaml': 'skjemaer:\n  - skjemaer/statusnotat-2013\n',
      'repo/notat.txt': 'STATUSNOTAT Kommune: Eksempelvik\n',
    });
    try {
      const r = await runMain(['import', 'notat.txt'], { cwd: path.join(repo.dir, 'repo') });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/The import map .*skjemaer\/statusnotat-2013\/innlesing\.yaml cannot be used: «felt» must be a list of \{ linje, felt \}/);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    } finally {
      repo.cleanup();
    }
  });

  it('reads UTF-16 and UTF-8 with a stray byte as what they are, a Word file by its paragraphs, and leaves a year it did not find open', async () => {
    const gjovik = seed('gjovik-aarsrapport-2012').toString('utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(gjovik.replace(/Gjøvik/g, 'Hamar'), 'utf16le')]);
    const stray = Buffer.concat([Buffer.from(gjovik.replace(/Gjøvik/g, 'Elverum'), 'utf8'), Buffer.from([0xe6, 0x0a])]);
    const word = docx(
      gjovik
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('Transkript'))
        .map((l) => para(l.replace(/^\d+ /, '')))
        .join(''),
    );
    const noYear = gjovik.replace(/Gjøvik/g, 'Toten').replace('Rapporteringsår: 2012', 'Rapporteringsår:');
    const box = tempTree({ 'a.txt': utf16, 'b.txt': stray, 'c.docx': word, 'd.txt': noYear, 'e.txt': Buffer.from([0x50, 0, 0x4b, 1, 2]), '.git/HEAD': 'x' });
    try {
      const r = await runMain(['import', 'a.txt', 'b.txt', 'c.docx', 'd.txt', 'e.txt', 'mangler.txt', '--lang', 'nb'], { cwd: box.dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('e.txt: filen er ikke tekst.');
      expect(r.stderr).toContain('Finner ikke filen eller mappen «mangler.txt».');
      // The sources that could be read are written all the same.
      for (const kommune of ['hamar', 'elverum', 'gjovik'])
        expect(read2(box.dir, `rapporter/${kommune}/2012-aarsrapport.yaml`)).toMatch(/status_behov_pr_3112: 11 # kilde: (side 3|avsnitt \d+):/);
      expect(read2(box.dir, 'rapporter/gjovik/2012-aarsrapport.yaml')).toContain('kilde: avsnitt');
      const toten = read2(box.dir, 'd.yaml');
      expect(toten).toMatch(/rapporteringsaar: null # fyll inn/);
      expect(r.stdout).toContain('d.txt: fant ikke både kommune og år i kilden, så utkastet heter d.yaml.');
    } finally {
      box.cleanup();
    }
  });
});

const read2 = (dir: string, rel: string) => readFileSync(path.join(dir, rel), 'utf8');
