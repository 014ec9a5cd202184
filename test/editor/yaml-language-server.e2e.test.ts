import { cpSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, lineOf, LILLEHAMMER, ROOT, runCli, tempTree } from '../helpers.js';
import { YamlLanguageServer } from './lsp.js';

/**
 * What a programme leader sees in VS Code: yaml-language-server (the engine of VS Code's YAML
 * extension) driven over stdio on the examples and on a report in a reports repository that has
 * bosoreport installed, with the modeline `init` writes.
 */
let repo: { dir: string; cleanup: () => void };
let server: YamlLanguageServer;
const MODELINE = '# yaml-language-server: $schema=../../node_modules/bosoreport/schemas/aarsrapport-2012.schema.json';

/** The Gjøvik report in the repository with the changes made, and its path. */
function report(name: string, change: (text: string) => string, modeline = MODELINE): { file: string; text: string } {
  const text = change(exampleText(GJOVIK).replace(/^# yaml-language-server: .*$/m, modeline));
  const file = path.join(repo.dir, 'rapporter', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return { file, text };
}

beforeAll(async () => {
  repo = tempTree({ 'package.json': '{"devDependencies":{"bosoreport":"*"}}' });
  mkdirSync(path.join(repo.dir, 'node_modules/bosoreport'), { recursive: true });
  cpSync(path.join(ROOT, 'schemas'), path.join(repo.dir, 'node_modules/bosoreport/schemas'), { recursive: true });
  // The repository's editor settings as `init --repo` writes them: reports matched by folder, no modeline needed.
  expect(runCli(['init', '--repo'], { cwd: repo.dir }).status).toBe(0);
  const settings = JSON.parse(readFileSync(path.join(repo.dir, '.vscode/settings.json'), 'utf8'));
  server = await YamlLanguageServer.start(repo.dir, { schemas: settings['yaml.schemas'] });
}, 30_000);

afterAll(async () => {
  await server?.stop();
  repo?.cleanup();
});

describe('yaml-language-server with the editor schemas', () => {
  it('shows no problem on either example, with the schema in effect (hover in Norwegian)', async () => {
    for (const example of [GJOVIK, LILLEHAMMER]) {
      const file = path.join(ROOT, example);
      expect(await server.diagnostics(file), example).toEqual([]);
      const line = lineOf(readFileSync(file, 'utf8'), '  programleder:') - 1;
      expect(await server.hover(file, line, 4)).toContain('Programleder');
    }
  });

  it('flags Norwegian dates and dates that do not exist, in Norwegian, at their lines', async () => {
    const { file, text } = report('gjovik/2012-aarsrapport.yaml', (t) =>
      t.replace('programstart: 2010-12-22', 'programstart: 22.12.2010').replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 2013-02-30'),
    );
    const found = (await server.diagnostics(file)).map((d) => [d.range.start.line + 1, d.message]);
    expect(found).toEqual([
      [lineOf(text, 'programstart: 22.12.2010'), expect.stringContaining('Skriv datoen som ÅÅÅÅ-MM-DD, bare måneden som ÅÅÅÅ-MM (2010-11) eller bare året')],
      [lineOf(text, 'rapporteringsdato: 2013-02-30'), expect.stringContaining('Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2013-02-18, og en dato som finnes')],
    ]);
  });

  it('says a wrong type in Norwegian: a count typed with a thousands space', async () => {
    const { file, text } = report('hamar/2012-aarsrapport.yaml', (t) => t.replace('januar: 1390', 'januar: "1 390"'));
    const found = (await server.diagnostics(file)).map((d) => [d.range.start.line + 1, d.message]);
    expect(found).toEqual([[lineOf(text, 'januar: "1 390"'), 'Skriv et helt tall, uten mellomrom, punktum eller %, eller null hvis det ikke er kjent (ikke 0).']]);
  });

  it("shows each field's title from the form in completions, not only its description", async () => {
    const { file, text } = report('toten/2012-aarsrapport.yaml', (t) => t);
    expect(await server.diagnostics(file)).toEqual([]);
    const items = await server.completion(file, lineOf(text, '  programnavn:') - 1, 2);
    // At the start of a key the editor offers the keys that fit there, the one typed among them.
    const programnavn = items.find((i) => i.label === 'programnavn');
    expect(JSON.stringify(programnavn?.documentation)).toContain('**Programnavn** – Navnet på kommunens program');
  });

  it('says «Ukjent felt» with the suggestion validate gives, once, at the misspelt key (not again at its section)', async () => {
    const { file, text } = report('ringsaker/2012-aarsrapport.yaml', (t) => t.replace('  programansvarlig: ', '  programansvalig: '));
    const found = (await server.diagnostics(file)).map((d) => [d.range.start.line + 1, d.range.start.character, d.message]);
    expect(found).toEqual([[lineOf(text, 'programansvalig:'), 2, 'Ukjent felt. Mente du «programansvarlig»?']]);
    // validate says the same of the same key.
    expect(runCli(['validate', file, '--lang', 'nb']).stdout).toContain('Mente du «programansvarlig»?');
  });

  it('says what is missing, by name, where a key is left out rather than misspelt', async () => {
    const { file, text } = report('stange/2012-aarsrapport.yaml', (t) => t.replace(/^ {2}programansvarlig: .*\n/m, ''));
    const found = (await server.diagnostics(file)).map((d) => [d.range.start.line + 1, d.message]);
    expect(found).toEqual([[lineOf(text, 'generell_programinformasjon:'), expect.stringMatching(/^Her mangler feltet «programansvarlig» \(Programansvarlig\)\./)]]);
  });

  it('gives «80 %» in a figure that may also be written with a comment the number message', async () => {
    const { file, text } = report('loten/2012-aarsrapport.yaml', (t) => t.replace('samfinansierte_boligkjop: 28', 'samfinansierte_boligkjop: 80 %'));
    const found = (await server.diagnostics(file)).map((d) => [d.range.start.line + 1, d.message]);
    expect(found).toEqual([[lineOf(text, 'samfinansierte_boligkjop: 80 %'), 'Skriv et helt tall, uten mellomrom, punktum eller %, eller null hvis det ikke er kjent (ikke 0).']]);
  });

  it("completes a figure with null, the form's word for «not known», never 0", async () => {
    const { file, text } = report('elverum/2012-aarsrapport.yaml', (t) => t.replace('      status_behov_pr_0101: 7\n', '      \n'));
    await server.diagnostics(file);
    const at = lineOf(text, 'a_uten_eid_eller_leid_bolig:');
    const items = await server.completion(file, at, 6);
    expect(items.find((i) => i.label === 'status_behov_pr_0101')?.insertText).toBe('status_behov_pr_0101: ${1:null}');
  });

  it('gives the same help through the settings `init --repo` writes (those the README shows), without a modeline', async () => {
    const { file, text } = report('gjovik/2013-aarsrapport.yaml', (t) => t.replace('programstart: 2010-12-22', 'programstart: 22.12.2010'), '# (ingen modeline)');
    const found = (await server.diagnostics(file)).map((d) => d.range.start.line + 1);
    expect(found).toEqual([lineOf(text, 'programstart: 22.12.2010')]);
    const readme = JSON.parse(/```json\n([\s\S]*?)```/.exec(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))![1]!);
    expect(JSON.parse(readFileSync(path.join(repo.dir, '.vscode/settings.json'), 'utf8'))).toEqual(readme);
  });

  it("gives each report without a modeline its own form's help, by its `skjema:`, whatever its file is called", async () => {
    const cases = [
      { from: LILLEHAMMER, to: 'lillehammer/2011-halvaarsrapport.yaml', change: ['rapporteringsdato: 2011-08-30', 'rapporteringsdato: 30.08.2011'] },
      // Region sør's own layout served the same years as the national forms; a file name could not tell them apart.
      { from: 'examples/drammen-aarsrapport-2011.yaml', to: 'drammen/2011-aarsrapport.yaml', change: ['programstart: 2010-11', 'programstart: november 2010'] },
    ];
    for (const { from, to, change } of cases) {
      const text = exampleText(from)
        .replace(/^# yaml-language-server: .*$/m, '# (ingen modeline)')
        .replace(change[0]!, change[1]!);
      const file = path.join(repo.dir, 'rapporter', to);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      const found = (await server.diagnostics(file)).map((d) => [d.range.start.line + 1, d.message]);
      expect(found, to).toEqual([[lineOf(text, change[1]!), expect.stringContaining('Skriv datoen som ÅÅÅÅ-MM-DD')]]);
    }
  });

  it('loses the help when a report moves two folders deeper (its modeline wins over the settings); validate warns, and fix brings the help back', async () => {
    // A date that does not exist: a mistake fix leaves alone, so the help is seen to be back.
    const { file: before } = report('hamar/2013-aarsrapport.yaml', (t) => t.replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 2013-02-30'));
    const file = path.join(repo.dir, 'rapporter/hamar/arkiv/utkast/2013-aarsrapport.yaml');
    mkdirSync(path.dirname(file), { recursive: true });
    renameSync(before, file);
    const lost = await server.diagnostics(file);
    // What the issue saw: the schema is not found, and the settings do not step in.
    expect(lost.map((d) => d.message)).toEqual([
      expect.stringMatching(/^Unable to load schema from '.*rapporter\/hamar\/node_modules\/bosoreport\/schemas\/aarsrapport-2012\.schema\.json'/),
    ]);

    const rel = 'rapporter/hamar/arkiv/utkast/2013-aarsrapport.yaml';
    const validate = runCli(['validate', rel, '--lang', 'nb'], { cwd: repo.dir });
    expect(validate.stdout).toMatch(
      /^rapporter\/hamar\/arkiv\/utkast\/2013-aarsrapport\.yaml:1:\d+ +advarsel +Editoren finner ikke skjemaet: «\.\.\/\.\.\/node_modules\/bosoreport\/schemas\/aarsrapport-2012\.schema\.json»/m,
    );
    expect(validate.stdout).toContain(`«npx bosoreport fix ${rel}»`);

    expect(runCli(['fix', rel], { cwd: repo.dir }).status).toBe(1);
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../../node_modules/bosoreport/schemas/aarsrapport-2012.schema.json');
    const found = (await server.diagnostics(file)).map((d) => [d.range.start.line + 1, d.message]);
    expect(found).toEqual([[lineOf(text, 'rapporteringsdato: 2013-02-30'), expect.stringContaining('og en dato som finnes')]]);
    expect(runCli(['validate', rel], { cwd: repo.dir }).stdout).not.toContain('modeline-finner-ikke-skjema');
  });
});
