import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleForm, runCli, runMain, tempTree } from '../helpers.js';

const REPORT = readFileSync(new URL('../../examples/forms/eksempelvik-2013-statusnotat.yaml', import.meta.url), 'utf8');

function repository(change: (form: Record<string, string>) => void, config = 'skjemaer:\n  - skjemaer/notat\n') {
  const form = exampleForm();
  change(form);
  const files: Record<string, string> = { '.bosoreport.yaml': config, 'eksempelvik/2013-statusnotat.yaml': REPORT };
  for (const [name, text] of Object.entries(form)) files[`skjemaer/notat/${name}`] = text;
  return tempTree(files);
}

/** Render in a broken repository: exit 2, the problem at file:line:col, no stack trace, nothing written. */
async function expectRefused(t: ReturnType<typeof tempTree>, where: RegExp, words: RegExp) {
  try {
    const r = await runMain(['render', '.', '-d', 'ut'], { cwd: t.dir });
    expect(r.status, r.stdout + r.stderr).toBe(2);
    const out = r.stdout + r.stderr;
    expect(out).toMatch(where);
    expect(out).toMatch(words);
    expect(out).not.toMatch(/\n\s+at .*\(/);
    expect(existsSync(path.join(t.dir, 'ut'))).toBe(false);
    // validate says the same, also with exit 2: a broken setup is not a report problem.
    expect((await runMain(['validate', '.'], { cwd: t.dir })).status).toBe(2);
  } finally {
    t.cleanup();
  }
}

describe('a broken form folder', () => {
  it('form.yaml with a misspelt field: its line and column, and the right word', async () => {
    const t = repository((f) => (f['form.yaml'] = f['form.yaml']!.replace('periode: aar', 'perioden: aar')));
    const line =
      readFileSync(path.join(t.dir, 'skjemaer/notat/form.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('perioden:')) + 1;
    await expectRefused(t, new RegExp(`skjemaer/notat/form\\.yaml:${line}:1 +error +Unknown field "perioden" in form\\.yaml\\.`), /Did you mean "periode"\?/);
  });

  it('form.yaml with an unknown period kind', async () => {
    const t = repository((f) => (f['form.yaml'] = f['form.yaml']!.replace('periode: aar', 'periode: kvartal')));
    const line =
      readFileSync(path.join(t.dir, 'skjemaer/notat/form.yaml'), 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('periode:')) + 1;
    await expectRefused(t, new RegExp(`form\\.yaml:${line}:10 +error +Periode: "kvartal" is not one of the allowed values\\.`), /Allowed: halvaar, aar, programperiode, fri\./);
  });

  it('a schema that does not compile: a wrong type name, at its line', async () => {
    const t = repository((f) => (f['schema.json'] = f['schema.json']!.replace('"type": "array"', '"type": "liste"')));
    const line =
      readFileSync(path.join(t.dir, 'skjemaer/notat/schema.json'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('"liste"')) + 1;
    await expectRefused(t, new RegExp(`schema\\.json:${line}:\\d+ +error +The schema cannot be used: /properties/aktiviteter/type`), /JSON Schema 2020-12/);
  });

  it('a schema with a reference to a shared definition that does not exist', async () => {
    await expectRefused(
      repository((f) => (f['schema.json'] = f['schema.json']!.replace('#/$defs/aktivitet', '#/$defs/aktivitetz'))),
      /schema\.json:\d+:\d+ +error +The schema cannot be used: .*aktivitetz/,
      /felles\.schema\.json/,
    );
  });

  it('schema.json that is not JSON', async () => {
    await expectRefused(
      repository((f) => (f['schema.json'] = f['schema.json']!.replace('"title": "Aktiviteter",', '"title": "Aktiviteter"'))),
      /schema\.json:\d+:\d+ +error +schema\.json is not valid JSON/,
      /JSON/,
    );
  });

  it('a template with a syntax error: its line', async () => {
    const t = repository((f) => (f['template.hbs'] = f['template.hbs']!.replace('{{/each}}\n</section>', '{{/eachx}}\n</section>')));
    await expectRefused(t, /template\.hbs:\d+:\d+ +error +The template has a mistake: /, /eachx|each/);
  });

  it('form.mjs that throws while loading: the line of the throw', async () => {
    const t = repository((f) => (f['form.mjs'] = `// a comment\n\nthrow new Error('oops in the form');\n`));
    await expectRefused(t, /form\.mjs:3:7 +error +form\.mjs failed while loading: Error: oops in the form/, /docs\/forms\.md/);
  });

  it('form.mjs with a syntax error, also from the real binary', async () => {
    const t = repository((f) => (f['form.mjs'] = `export const rules = [;\n`));
    try {
      const r = runCli(['validate', '.'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toMatch(/form\.mjs:1:\d+ +error +form\.mjs failed while loading: SyntaxError/);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      t.cleanup();
    }
  });

  it('a rule without its words, or with a code that does not fit its level', async () => {
    await expectRefused(
      repository((f) => (f['form.mjs'] = f['form.mjs']!.replace("code: 'W101'", "code: 'E101'"))),
      /form\.mjs:1:1 +error +form\.mjs: rule statusnotat-behov-okt: a code starting with E is for an error, W for a warning\./,
      /docs\/forms\.md/,
    );
  });

  it('a folder that is not there, or a form id that clashes with a built-in form: the config line', async () => {
    await expectRefused(
      repository(() => undefined, 'skjemaer:\n  - skjemaer/finnes-ikke\n'),
      /\.bosoreport\.yaml:2:5 +error +The form folder "[^"]*finnes-ikke" does not exist\./,
      /config file is in/,
    );
    await expectRefused(
      repository((f) => (f['form.yaml'] = f['form.yaml']!.replace('id: statusnotat-2013', 'id: aarsrapport-2012'))),
      /\.bosoreport\.yaml:2:5 +error +The form "aarsrapport-2012" exists already/,
      /id of its own/,
    );
  });
});
