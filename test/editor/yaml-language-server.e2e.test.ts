import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, lineOf, LILLEHAMMER, ROOT, tempTree } from '../helpers.js';
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
  // The .vscode/settings.json the README shows: reports matched by name, no modeline needed.
  const settings = JSON.parse(/```json\n([\s\S]*?)```/.exec(readFileSync(path.join(ROOT, 'README.md'), 'utf8'))![1]!);
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

  it("gives the same help through the README's yaml.schemas settings, without a modeline", async () => {
    const { file, text } = report('gjovik/2013-aarsrapport.yaml', (t) => t.replace('programstart: 2010-12-22', 'programstart: 22.12.2010'), '# (ingen modeline)');
    const found = (await server.diagnostics(file)).map((d) => d.range.start.line + 1);
    expect(found).toEqual([lineOf(text, 'programstart: 22.12.2010')]);
  });

  it("matches a half-year report to its own form by the README's patterns, not to the annual one", async () => {
    const text = exampleText(LILLEHAMMER)
      .replace(/^# yaml-language-server: .*$/m, '# (ingen modeline)')
      .replace('rapporteringsdato: 2011-08-30', 'rapporteringsdato: 30.08.2011');
    const file = path.join(repo.dir, 'rapporter/lillehammer/2011-halvaarsrapport.yaml');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    const found = (await server.diagnostics(file)).map((d) => [d.range.start.line + 1, d.message]);
    expect(found).toEqual([[lineOf(text, 'rapporteringsdato: 30.08.2011'), expect.stringContaining('Skriv datoen som ÅÅÅÅ-MM-DD')]]);
  });
});
