import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { FORM_SCHEMA, FORM_SCHEMA_ID, readFormYaml, registerFormSchema } from '../../src/forms/form-yaml.js';
import type { Lang } from '../../src/messages/index.js';
import { createAjv, exportName, schemaFingerprint } from '../../src/schema/ajv.js';
import { formats } from '../../src/schema/formats.js';
import { editorSchema } from '../../src/schema/editor.js';
import type { SchemaNode } from '../../src/schema/store.js';
import { YamlLanguageServer } from '../editor/lsp.js';
import { lineOf, ROOT, tempTree } from '../helpers.js';

const EXAMPLE = 'examples/forms/skjemaer/statusnotat-2013/form.yaml';
const BASE = readFileSync(path.join(ROOT, EXAMPLE), 'utf8');
const OVERVIEW = `oversikt:
  - tema: c1
    tittel: C.1 Økonomiske virkemidler
    tall:
      - id: fastrenteandel
        etikett: Herav med fastrente
        type: andel
        verdi: fastrenteandel.andel
      - id: antall_laan
        etikett: Antall lån
        type: antall
        verdi: laan.antall
`;

function read(text: string, lang: Lang = 'nb') {
  return readFormYaml('skjemaer/notat/form.yaml', new TextEncoder().encode(text), lang);
}

/** Each problem as line:col, message and hint, the way a form author reads them. */
function problems(text: string, lang: Lang = 'nb') {
  const r = read(text, lang);
  expect(r.spec).toBeUndefined();
  return r.diagnostics.map((d) => ({ at: `${d.line}:${d.col}`, message: d.message, hint: d.hint, ruleId: d.ruleId }));
}

const colOf = (text: string, needle: string) => text.split('\n')[lineOf(text, needle) - 1]!.indexOf(needle) + 1;

describe('form.yaml checked by its JSON Schema', () => {
  it('reads the example form, and its overview when it has one', () => {
    const plain = read(BASE);
    expect(plain.diagnostics).toEqual([]);
    expect(plain.spec).toMatchObject({
      id: 'statusnotat-2013',
      years: [2013, 2014],
      period: { kind: 'aar', frist: { maaned: 1, dag: 31, aar_etter: 1 } },
      facts: { behov: ['behov'] },
    });
    expect(plain.spec!.overview).toBeUndefined();
    const withOverview = read(BASE + OVERVIEW);
    expect(withOverview.diagnostics).toEqual([]);
    expect(withOverview.spec!.overview).toEqual([
      {
        id: 'c1',
        title: 'C.1 Økonomiske virkemidler',
        figures: [
          { id: 'fastrenteandel', label: 'Herav med fastrente', kind: 'andel', path: ['fastrenteandel', 'andel'] },
          { id: 'antall_laan', label: 'Antall lån', kind: 'antall', path: ['laan', 'antall'] },
        ],
      },
    ]);
  });

  it('a misspelt key: «Mente du …» at its own line and column, in bokmål and in English', () => {
    const text = BASE.replace('periode: aar', 'perioden: aar').replace('  kommune: formalia.kommune', '  kommuen: formalia.kommune');
    expect(problems(text)).toEqual([
      { at: `${lineOf(text, 'perioden:')}:1`, message: 'Ukjent felt «perioden» i form.yaml.', hint: 'Mente du «periode»?', ruleId: 'form-folder/form-yaml' },
      { at: `${lineOf(text, '  kommuen:')}:3`, message: 'Ukjent felt «kommuen» i felter.', hint: 'Mente du «kommune»?', ruleId: 'form-folder/form-yaml' },
    ]);
    expect(problems(text, 'en')[0]).toMatchObject({ message: 'Unknown field "perioden" in form.yaml.', hint: 'Did you mean "periode"?' });
  });

  it('a wrong type or a value not on the list points at the value', () => {
    const text = BASE.replace('periode: aar', 'periode: halvår').replace('aar: [2013, 2014]', 'aar: 2013').replace('  maaned: 1', '  maaned: 13');
    expect(problems(text)).toEqual([
      expect.objectContaining({ at: `${lineOf(text, 'aar: 2013')}:6`, message: 'År: forventet en liste, fant tallet 2013.' }),
      expect.objectContaining({
        at: `${lineOf(text, 'periode: halvår')}:10`,
        message: 'Periode: «halvår» er ikke en av de tillatte verdiene.',
        hint: 'Mente du «halvaar»? Tillatt: halvaar, aar, programperiode, fri.',
      }),
      // No hint about a report's counts and «kommentar»: that one is for reports.
      { at: `${lineOf(text, '  maaned: 13')}:11`, message: 'Måned: 13 er større enn 12.', hint: undefined, ruleId: 'form-folder/form-yaml' },
    ]);
  });

  it('says what a name or path should look like, and a missing field where it belongs', () => {
    const text = BASE.replace('id: statusnotat-2013\n', '')
      .replace('type: statusnotat', 'type: Status-notat')
      .replace('rapporteringsdato: formalia.dato', 'rapporteringsdato: formalia/dato')
      .replace('rapportnavn: Statusnotat', 'rapportnavn: "  "');
    expect(problems(text)).toEqual([
      expect.objectContaining({ at: `${lineOf(text, 'tittel:')}:1`, message: 'Mangler feltet «id» (Skjema-id) i form.yaml.' }),
      expect.objectContaining({ at: `${lineOf(text, 'rapportnavn:')}:14`, message: 'Rapportnavn: feltet er tomt.' }),
      expect.objectContaining({ at: `${lineOf(text, 'type: Status-notat')}:7`, message: 'Rapporttypen «Status-notat» kan bare ha små bokstaver a–z, for eksempel «aarsrapport».' }),
      expect.objectContaining({ at: `${lineOf(text, 'formalia/dato')}:22`, message: expect.stringMatching(/^«formalia\/dato» er ikke en sti i rapporten/) }),
    ]);
  });

  it('an overview figure with a bad type, or an id used twice, is positioned', () => {
    const badType = BASE + OVERVIEW.replace('type: andel', 'type: andell');
    expect(problems(badType)).toEqual([
      {
        at: `${lineOf(badType, 'type: andell')}:${colOf(badType, 'andell')}`,
        message: 'Tallets type: «andell» er ikke en av de tillatte verdiene.',
        hint: 'Mente du «andel»? Tillatt: antall, endring, andel, prosent, tekst.',
        ruleId: 'form-folder/form-yaml',
      },
    ]);
    const twice = BASE + OVERVIEW.replace('id: antall_laan', 'id: fastrenteandel') + OVERVIEW.replace('oversikt:\n', '');
    const first = lineOf(twice, 'id: fastrenteandel');
    expect(problems(twice)).toEqual([
      expect.objectContaining({
        at: `${lineOf(twice, 'id: fastrenteandel', first + 1)}:13`,
        message: `Id-en «fastrenteandel» er brukt to ganger (første gang på linje ${first}).`,
      }),
      expect.objectContaining({
        at: `${lineOf(twice, 'tema: c1', lineOf(twice, 'tema: c1') + 1)}:11`,
        message: `Id-en «c1» er brukt to ganger (første gang på linje ${lineOf(twice, 'tema: c1')}).`,
      }),
    ]);
    // The same figure id in two themes is fine.
    expect(read(BASE + OVERVIEW + OVERVIEW.replace('oversikt:\n', '').replace('tema: c1', 'tema: c2')).diagnostics).toEqual([]);
  });

  it("an overview theme may not take a shared part's id, and ids are plain names", () => {
    const text = BASE + OVERVIEW.replace('tema: c1', 'tema: behov').replace('id: antall_laan', 'id: Antall-lån');
    expect(problems(text).map((p) => [p.at, p.message])).toEqual([
      [`${lineOf(text, 'tema: behov')}:11`, 'Temaet «behov» hører til de delte delene av oversikten (behov, aktiviteter, levering, periode), som viser det selv.'],
      [`${lineOf(text, 'id: Antall-lån')}:13`, '«Antall-lån» kan ikke være en id: bruk små bokstaver a–z, sifre og understrek, og begynn med en bokstav.'],
    ]);
  });

  it('checks what the schema cannot: the first year no later than the last', () => {
    const text = BASE.replace('aar: [2013, 2014]', 'aar: [2014, 2013]');
    expect(problems(text)).toEqual([
      {
        at: `${lineOf(text, 'aar: [')}:6`,
        message: 'Første år (2014) er etter siste år (2013).',
        hint: 'Skriv årene fra og til, for eksempel [2012, 2014].',
        ruleId: 'form-folder/form-yaml',
      },
    ]);
  });
});

/** Every form.yaml in the repository: the built-in forms' and the examples'. */
const FORM_YAMLS = [
  ...readdirSync(path.join(ROOT, 'src/forms')).map((d) => `src/forms/${d}/form.yaml`),
  ...readdirSync(path.join(ROOT, 'examples/forms/skjemaer')).map((d) => `examples/forms/skjemaer/${d}/form.yaml`),
].filter((f) => existsSync(path.join(ROOT, f)));

/** Every schema below `node` with where it is, for checks that must hold for each. */
function* nodes(node: SchemaNode, at = ''): Generator<[string, SchemaNode]> {
  yield [at, node];
  for (const key of ['properties', '$defs'] as const) for (const [k, v] of Object.entries((node[key] as Record<string, SchemaNode>) ?? {})) yield* nodes(v, `${at}/${key}/${k}`);
  for (const key of ['items', 'additionalProperties'] as const) if (node[key] && typeof node[key] === 'object') yield* nodes(node[key] as SchemaNode, `${at}/${key}`);
}

describe('schemas/form.schema.json', () => {
  const published = JSON.parse(readFileSync(path.join(ROOT, 'schemas', FORM_SCHEMA_ID), 'utf8')) as SchemaNode;

  it('is what the build writes: the editor copy of the schema bosoreport checks with', () => {
    expect(published).toEqual(editorSchema(FORM_SCHEMA));
  });

  it('has a Norwegian title and description on every field', () => {
    const bare = [...nodes(FORM_SCHEMA)].filter(([, n]) => !n.title || !n.description).map(([at]) => at);
    expect(bare).toEqual([]);
    expect(published.properties!.oversikt!.markdownDescription).toMatch(/^\*\*Oversikt\*\* – Tallene skjemaet viser/);
  });

  it('takes every built-in and example form.yaml, as a plain JSON Schema validator (ajv) reads it', () => {
    expect(FORM_YAMLS.length).toBeGreaterThan(6);
    const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020') as typeof import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    // The words yaml-language-server reads, which are no rules.
    ajv.addVocabulary(['markdownDescription', 'errorMessage', 'patternErrorMessage', 'doNotSuggest']);
    const validate = ajv.compile(published);
    for (const file of FORM_YAMLS) {
      const data = parse(readFileSync(path.join(ROOT, file), 'utf8')) as unknown;
      expect(validate(data) ? [] : validate.errors, file).toEqual([]);
      expect(readFormYaml(file, readFileSync(path.join(ROOT, file)), 'nb').diagnostics, file).toEqual([]);
    }
  });

  it("is where the example form's modeline points", () => {
    const modeline = /^# yaml-language-server: \$schema=(\S+)$/m.exec(BASE)?.[1];
    expect(modeline).toBeDefined();
    expect(path.resolve(path.dirname(path.join(ROOT, EXAMPLE)), modeline!)).toBe(path.join(ROOT, 'schemas', FORM_SCHEMA_ID));
  });

  it("checks a form author's form.yaml in the editor, in Norwegian", async () => {
    // A broken copy, with the schema at the same place relative to it as in the repository.
    const text = BASE.replace('periode: aar', 'perioden: aar') + OVERVIEW.replace('type: andel', 'type: andell');
    const t = tempTree({ 'schemas/form.schema.json': readFileSync(path.join(ROOT, 'schemas', FORM_SCHEMA_ID), 'utf8'), 'skjemaer/a/b/notat/form.yaml': text });
    const server = await YamlLanguageServer.start(ROOT);
    try {
      expect(await server.diagnostics(path.join(ROOT, EXAMPLE))).toEqual([]);
      const hover = await server.hover(path.join(ROOT, EXAMPLE), lineOf(BASE, 'periode: aar') - 1, 2);
      expect(hover).toContain('Periode');
      const found = (await server.diagnostics(path.join(t.dir, 'skjemaer/a/b/notat/form.yaml'))).map((d) => d.range.start.line + 1);
      expect(found).toEqual(expect.arrayContaining([lineOf(text, 'perioden: aar'), lineOf(text, 'type: andell')]));
    } finally {
      await server.stop();
      t.cleanup();
    }
  }, 30_000);
});

describe('the validator compiled at build time', () => {
  it('was made from the current schema, and reports what the run-time compiler reports', () => {
    registerFormSchema();
    const compiled = createRequire(import.meta.url)(path.join(ROOT, 'dist/schema/compiled.cjs')) as {
      fingerprints: Record<string, string>;
      create(f: typeof formats): Record<string, ValidateFunction>;
    };
    expect(compiled.fingerprints[exportName(FORM_SCHEMA_ID)]).toBe(schemaFingerprint(FORM_SCHEMA_ID));
    const built = compiled.create(formats)[exportName(FORM_SCHEMA_ID)]!;
    const run = createAjv().getSchema(FORM_SCHEMA_ID)!;
    const brief = (errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.data)}`);
    const variants = [
      BASE,
      BASE + OVERVIEW,
      BASE.replace('periode: aar', 'perioden: kvartal').replace('aar: [2013, 2014]', 'aar: [2013]'),
      BASE + OVERVIEW.replace('tema: c1', 'tema: levering').replace('type: andel', 'type: 3').replace('verdi: laan.antall', 'verdi: laan..antall'),
      'tittel: {nb: ""}\nfrist: {maaned: 0, dag: x}\nvarianter: {felt: a, verdier: {b: {periode: aar, typ: x}}}\n',
    ];
    for (const text of variants) {
      const data = parse(text) as unknown;
      expect(built(data)).toBe(run(data));
      expect(brief(built.errors)).toEqual(brief(run.errors));
    }
  });
});
