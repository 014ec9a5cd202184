import path from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { byPosition, diagnostic, type Diagnostic, type Span } from '../diagnostics.js';
import { humanize, pointerToPath } from '../humanize.js';
import { parseReport, type ParsedReport } from '../load/parse.js';
import type { DataPath } from '../load/positions.js';
import { words, type Lang, type Params, type MessageCode } from '../messages/index.js';
import { DEFAULT_HEADER_FIELDS } from '../parts/header.js';
import { OVERVIEW_KINDS, SHARED_THEME_IDS, type OverviewKind, type OverviewTheme } from '../parts/overview.js';
import { DEFAULT_DEADLINES, PERIOD_KINDS, type Deadline, type PeriodKind } from '../parts/period.js';
import type { HeaderFields } from '../rules/types.js';
import { validatorFor } from '../schema/ajv.js';
import { addSchema, type SchemaNode } from '../schema/store.js';
import type { FormFacts } from './types.js';

/** What a form folder's form.yaml says: the form's data, as opposed to its schema, template and code. */
export interface FormSpec {
  id: string;
  title: Record<Lang, string>;
  /** The report's name on the cover and in the document title: «Årsrapport», «Halvårsrapport». */
  reportName: string;
  /** The report type as a word in file names and for telling reports of one kind apart («aarsrapport»). */
  type: string;
  years: readonly [number, number];
  period: { kind: PeriodKind; frist: Deadline | null };
  provisional: boolean;
  /** Which years and regions the form served and how sure the model is, for listings and docs. */
  about: string;
  fields: HeaderFields;
  facts: FormFacts;
  /** Ids reports used before this one; still accepted, with a warning that says what to write. */
  aliases: string[];
  /** A form used for more than one kind of report: a field of the report chooses the variant. */
  variants?: { field: DataPath; values: Record<string, Variant> };
  /** The figures the form adds to the regional overview, beyond the parts every form shares. */
  overview?: OverviewTheme[];
}

/** What a variant of a form sets: the period, the report's name and its type. */
export interface Variant {
  period: { kind: PeriodKind; frist: Deadline | null };
  reportName: string;
  type: string;
}

// The overview's types live with the shared parts' themes (parts/overview.ts); form.yaml declares a form's own.
export type { OverviewFigure, OverviewKind, OverviewTheme } from '../parts/overview.js';

// Each pattern means one thing, so a value that misses it can be told what it should be (see ownWords).
const FORM_ID = '^[a-z0-9][a-z0-9-]*$';
const REPORT_TYPE = '^[a-z]+$';
const DATA_PATH = '^[a-z0-9_]+(?:\\.[a-z0-9_]+)*$';
const NAME = '^[a-z][a-z0-9_]*$';

// Not blank. (minLength would let "  " through, and its precompiled code would load ajv's runtime on every run.)
const TEXT = '\\S';

// Kinds of value used more than once: said once, and an editor's hover shows what each is.
const DEFS = {
  tekst: { title: 'Tekst', description: 'En tekst som ikke er tom.', type: 'string', pattern: TEXT },
  sti: { title: 'Sti', description: 'Feltnavn med punktum mellom, for eksempel formalia.kommune.', type: 'string', pattern: DATA_PATH },
  periode: { title: 'Periode', description: `Én av: ${PERIOD_KINDS.join(', ')}.`, type: 'string', enum: [...PERIOD_KINDS] },
  rapporttype: { title: 'Rapporttype', description: 'Små bokstaver a–z, for eksempel aarsrapport.', type: 'string', pattern: REPORT_TYPE },
  frist: {
    title: 'Frist',
    description: 'En dag i en måned, i rapporteringsåret eller et senere år; null for ingen frist.',
    type: ['object', 'null'],
    additionalProperties: false,
    required: ['maaned', 'dag'],
    properties: {
      maaned: { title: 'Måned', description: 'Fristens måned, 1–12.', type: 'integer', minimum: 1, maximum: 12 },
      dag: { title: 'Dag', description: 'Fristens dag i måneden, 1–31.', type: 'integer', minimum: 1, maximum: 31 },
      aar_etter: { title: 'År etter', description: 'Hvor mange år etter rapporteringsåret fristen faller: 0 (standard) for samme år, 1 for året etter.', type: 'integer' },
    },
  },
} satisfies Record<string, SchemaNode>;
const use = (def: keyof typeof DEFS, title: string, description: string): SchemaNode => ({ $ref: `#/$defs/${def}`, title, description });
const text = (title: string, description: string) => use('tekst', title, description);
const dataPath = (title: string, description: string) => use('sti', title, description);
const period = (description: string) => use('periode', 'Periode', description);
const reportType = (description: string) => use('rapporttype', 'Rapporttype', description);
const deadline = (description: string) => use('frist', 'Frist', description);

// Typed by the interfaces the code reads, so a new header field or fact cannot be left out of the schema.
const FIELD_WORDS: Record<keyof HeaderFields, [string, string]> = {
  kommune: ['Kommune', 'Stien til kommunens navn.'],
  aar: ['Rapporteringsår', 'Stien til rapporteringsåret, et påkrevd heltall i schema.json; perioden og fristen regnes ut fra det.'],
  rapporteringsdato: ['Rapporteringsdato', 'Stien til datoen rapporten er datert eller levert.'],
  forsidedato: ['Forsidedato', 'Stien til datoen på forsiden.'],
  programstart: ['Programstart', 'Stien til datoen programmet startet.'],
  utfylt_av: ['Utfylt av', 'Stien til navnet på den som fylte ut rapporten.'],
};
const FACT_WORDS: Record<keyof FormFacts, [string, string]> = {
  behov: [
    'Behovstabell',
    'Stien til behovstabellen (radene A, B og C med status pr. 01.01 og 31.12). Da sammenlignes årets 01.01 med fjorårets 31.12 for samme kommune, og «init --from» fører tallene videre.',
  ],
  prioritert_omraade: ['Særskilt prioritert område', 'Stien til navnet på neste års særskilt prioriterte område.'],
  plan_aktiviteter: ['Planens aktiviteter', 'Stien til planens liste over aktiviteter (hver med id); årets rapporter holdes opp mot den.'],
  plan_aktivitetsmaal: [
    'Planens aktivitetsmål',
    'Stien til planens liste over aktivitetsmål (hvert med id og sine aktiviteter); aktivitetene under dem holdes opp mot årets rapporter som planens øvrige, og en rapport som oppgir målet («plan_maal»), må finne aktiviteten under det.',
  ],
};

/** form.yaml's JSON Schema: what bosoreport checks, and (as schemas/form.schema.json) what editors show. */
export const FORM_SCHEMA_ID = 'form.schema.json';
export const FORM_SCHEMA: SchemaNode = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: FORM_SCHEMA_ID,
  title: 'Skjemabeskrivelse (form.yaml)',
  description: 'Det bosoreport trenger å vite om et skjema utenom feltene (schema.json), malen (template.hbs) og egne regler (form.mjs). Se docs/forms.md.',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'tittel', 'rapportnavn', 'type', 'aar', 'periode'],
  $defs: DEFS,
  properties: {
    id: {
      title: 'Skjema-id',
      description:
        'Det rapportene skriver i «skjema:». Små bokstaver a–z, sifre og bindestrek, gjerne med året skjemaet ble tatt i bruk (for eksempel statusnotat-2013). Kan ikke være id-en til et innebygd skjema.',
      type: 'string',
      pattern: FORM_ID,
    },
    tittel: {
      title: 'Tittel',
      description: 'Skjemaets navn i lister og dokumentasjon: én tekst, eller «nb» (bokmål) og eventuelt «en» (engelsk).',
      type: ['string', 'object'],
      pattern: TEXT,
      additionalProperties: false,
      required: ['nb'],
      properties: {
        nb: text('Tittel på bokmål', 'Skjemaets navn på bokmål.'),
        en: text('Tittel på engelsk', 'Skjemaets navn når bosoreport skriver engelsk; uten den brukes navnet på bokmål.'),
      },
    },
    rapportnavn: text('Rapportnavn', 'Rapportens navn på forsiden og i dokumenttittelen, for eksempel «Årsrapport» eller «Statusnotat».'),
    type: reportType(
      'Ordet i rapportenes filnavn («eksempelvik/2013-statusnotat.yaml») og det som skiller rapporttypene fra hverandre: små bokstaver a–z, for eksempel «aarsrapport». To rapporter med samme kommune, type og år meldes som dobbelt levert.',
    ),
    aar: {
      title: 'År',
      description: 'Første og siste rapporteringsår skjemaet ble brukt, for eksempel [2012, 2014]. En rapport fra et annet år får en advarsel.',
      type: 'array',
      minItems: 2,
      maxItems: 2,
      items: { title: 'Årstall', description: 'Et årstall fra 2000 til 2100.', type: 'integer', minimum: 2000, maximum: 2100 },
    },
    periode: period(
      'Hvordan rapportens periode følger av rapporteringsåret: halvaar (1. januar–30. juni), aar (kalenderåret), programperiode (fra programstart til årets slutt) eller fri (ingen fast periode: et notat eller en plan).',
    ),
    frist: deadline(
      'Leveringsfristen: «maaned», «dag» og eventuelt «aar_etter», eller null for ingen frist. Uten feltet gjelder periodens standardfrist: 31.08 for halvaar, 28.02 året etter for aar, ingen for de andre.',
    ),
    forelopig: {
      title: 'Foreløpig',
      description: 'true når skjemaet er modellert etter tynne kilder (for eksempel bare en innholdsfortegnelse); «bosoreport forms» merker det som foreløpig.',
      type: 'boolean',
    },
    beskrivelse: text('Beskrivelse', 'Hvilke år og regioner skjemaet ble brukt i, og hvor sikker modellen er.'),
    felter: {
      title: 'Felter',
      description: 'Hvor i rapporten bosoreport finner kommune, år og datoer, som stier med punktum mellom feltnavnene.',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        Object.entries(FIELD_WORDS).map(([key, [title, description]]) => [
          key,
          dataPath(title, `${description} Standard: ${DEFAULT_HEADER_FIELDS[key as keyof HeaderFields].join('.')}.`),
        ]),
      ),
    },
    fakta: {
      title: 'Fakta',
      description: 'Det sjekkene på tvers av rapporter kan sammenligne, som stier med punktum mellom feltnavnene.',
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(FACT_WORDS).map(([key, [title, description]]) => [key, dataPath(title, description)])),
    },
    tidligere_id: {
      title: 'Tidligere id-er',
      description: 'Id-er skjemaet hadde før. Rapporter som fortsatt bruker en av dem, leses som dette skjemaet, med en advarsel om hva de skal skrive.',
      type: 'array',
      items: { title: 'Tidligere skjema-id', description: 'En id skjemaet hadde før.', type: 'string', pattern: FORM_ID },
    },
    varianter: {
      title: 'Varianter',
      description:
        'For et skjema som brukes til flere slags rapporter: et felt i rapporten velger variant, og hver verdi av feltet kan ha egen periode, frist, rapportnavn og type.',
      type: 'object',
      additionalProperties: false,
      required: ['felt', 'verdier'],
      properties: {
        felt: dataPath('Felt som velger', 'Stien til feltet i rapporten som velger variant, for eksempel periode.'),
        verdier: {
          title: 'Verdier',
          description: 'Verdiene feltet kan ha, hver med det varianten setter.',
          type: 'object',
          additionalProperties: {
            title: 'Variant',
            description: 'Det denne verdien setter; resten følger skjemaet. Med egen periode, men uten frist, gjelder periodens standardfrist.',
            type: 'object',
            additionalProperties: false,
            properties: {
              periode: period('Variantens periode.'),
              frist: deadline('Variantens frist, eller null for ingen.'),
              rapportnavn: text('Rapportnavn', 'Variantens navn på forsiden, for eksempel «Halvårsrapport».'),
              type: reportType('Variantens rapporttype i filnavn, for eksempel «halvaarsrapport».'),
            },
          },
        },
      },
    },
    oversikt: {
      title: 'Oversikt',
      description: `Tallene skjemaet viser i regionens oversikt («bosoreport summary») i tillegg til de delte delene (${SHARED_THEME_IDS.join(', ')}), ordnet i temaer.`,
      type: 'array',
      items: {
        title: 'Tema',
        description: 'En overskrift i oversikten med sine tall.',
        type: 'object',
        additionalProperties: false,
        required: ['tema', 'tittel', 'tall'],
        properties: {
          tema: {
            title: 'Tema-id',
            description: `Temaets id, én gang i oversikten: små bokstaver a–z, sifre og understrek, først en bokstav. Ikke ${SHARED_THEME_IDS.join(', ')}: de er de delte delene.`,
            type: 'string',
            pattern: NAME,
            not: { enum: [...SHARED_THEME_IDS] },
          },
          tittel: text('Temaets tittel', 'Overskriften i oversikten, for eksempel «C.1 Økonomiske virkemidler».'),
          tall: {
            title: 'Tall',
            description: 'Temaets tall, i den rekkefølgen de vises.',
            type: 'array',
            minItems: 1,
            items: {
              title: 'Tall',
              description: 'Ett tall i oversikten.',
              type: 'object',
              additionalProperties: false,
              required: ['id', 'etikett', 'type', 'verdi'],
              properties: {
                id: { title: 'Tall-id', description: 'Tallets id, én gang i temaet: små bokstaver a–z, sifre og understrek, først en bokstav.', type: 'string', pattern: NAME },
                etikett: text('Etikett', 'Teksten ved tallet i oversikten, for eksempel «Herav med fastrente».'),
                type: {
                  title: 'Tallets type',
                  description: `Hva slags tall det er, og dermed hvordan det skrives: ${OVERVIEW_KINDS.join(', ')}.`,
                  type: 'string',
                  enum: [...OVERVIEW_KINDS],
                },
                verdi: dataPath(
                  'Verdi',
                  'Stien til tallet blant skjemaets beregnede tall (det «derive» i form.mjs gir), med punktum mellom navnene, for eksempel fastrenteandel.andel.',
                ),
              },
            },
          },
        },
      },
    },
  },
};

export const FORM_YAML_KEYS = Object.keys(FORM_SCHEMA.properties!);
export const FIELD_KEYS = Object.keys(FIELD_WORDS);
export const FACT_KEYS = Object.keys(FACT_WORDS);

/** form.yaml as its schema lets it be written. */
interface RawDeadline {
  maaned: number;
  dag: number;
  aar_etter?: number;
}
interface FormYaml {
  id: string;
  tittel: string | { nb: string; en?: string };
  rapportnavn: string;
  type: string;
  aar: [number, number];
  periode: PeriodKind;
  frist?: RawDeadline | null;
  forelopig?: boolean;
  beskrivelse?: string;
  felter?: Record<string, string>;
  fakta?: Record<string, string>;
  tidligere_id?: string[];
  varianter?: { felt: string; verdier: Record<string, { periode?: PeriodKind; frist?: RawDeadline | null; rapportnavn?: string; type?: string }> };
  oversikt?: { tema: string; tittel: string; tall: { id: string; etikett: string; type: OverviewKind; verdi: string }[] }[];
}

let registered = false;

/**
 * Registers the schema under its $id, where the humaniser finds titles and known keys, and where the
 * build finds it to compile with the forms' schemas (src/build/precompile.ts): every run reads the
 * built-in forms' form.yaml, and compiling with ajv then would cost more than the rest of the run.
 */
export function registerFormSchema(): void {
  if (registered) return;
  registered = true;
  addSchema(FORM_SCHEMA_ID, JSON.stringify(FORM_SCHEMA), 'builtin', FORM_SCHEMA);
}

const RULE = 'form-folder/form-yaml';
const PATTERN_WORDS: Record<string, MessageCode> = {
  [FORM_ID]: 'form-folder/bad-id',
  [REPORT_TYPE]: 'form-folder/bad-type',
  [DATA_PATH]: 'form-folder/bad-path',
  [NAME]: 'form-folder/overview-bad-id',
};

/**
 * form.yaml's own words where the humaniser has none that fit: which kind of name a value failed to
 * be (a pattern), a reserved theme id (`not`), and a year list of the wrong length.
 */
function ownWords(error: ErrorObject): { code: MessageCode; params: Params } | undefined {
  const value = String(error.data);
  if (error.keyword === 'pattern') {
    // A figure's path leads into the form's computed figures, not into the report.
    const code = error.instancePath.endsWith('/verdi') ? 'form-folder/overview-path' : PATTERN_WORDS[String(error.params.pattern)];
    return code ? { code, params: { value } } : undefined;
  }
  if (error.keyword === 'not') return { code: 'form-folder/overview-shared-theme', params: { value, shared: SHARED_THEME_IDS.join(', ') } };
  if (error.instancePath === '/aar' && (error.keyword === 'minItems' || error.keyword === 'maxItems')) return { code: 'form-folder/bad-years', params: {} };
  return undefined;
}

/** The schema's errors as positioned diagnostics, in the words reports get. */
function schemaProblems(errors: readonly ErrorObject[], report: ParsedReport, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const others: ErrorObject[] = [];
  for (const error of errors) {
    // A blank text misses TEXT's pattern: the humaniser words it as the empty field it is.
    const blank = error.keyword === 'pattern' && error.params.pattern === TEXT;
    const own = blank ? undefined : ownWords(error);
    if (!own) others.push(blank ? { ...error, keyword: 'minLength' } : error);
    else out.push(diagnostic(report.file, report.spanFor(pointerToPath(error.instancePath, report.data), 'value'), 'error', RULE, words(lang, own.code, own.params)));
  }
  for (const d of humanize(others, report, FORM_SCHEMA_ID, lang, path.basename(report.file))) {
    // The humaniser's hint for a number below its minimum speaks of a report's counts and «kommentar».
    const { hint, ...rest } = d;
    out.push({ ...rest, ...(hint && d.ruleId !== 'schema/minimum' ? { hint } : {}), ruleId: RULE });
  }
  return out.sort(byPosition);
}

/**
 * What the schema cannot say, checked once the shape is right: the years in order, and the
 * overview's ids unique by a field of each item (`uniqueItems` compares whole items).
 */
function laterProblems(y: FormYaml, report: ParsedReport, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (where: DataPath, code: MessageCode, params: Params) => out.push(diagnostic(report.file, report.spanFor(where, 'value'), 'error', RULE, words(lang, code, params)));
  if (y.aar[0] > y.aar[1]) at(['aar'], 'form-folder/years-order', { first: y.aar[0], last: y.aar[1] });
  const once = (ids: { id: string; where: DataPath }[]) => {
    const first = new Map<string, DataPath>();
    for (const { id, where } of ids) {
      const before = first.get(id);
      if (before) at(where, 'form-folder/overview-twice', { value: id, line: report.spanFor(before, 'value').line });
      else first.set(id, where);
    }
  };
  // A path through «__proto__», «constructor» or «prototype» reads what every object has, not the report.
  for (const { where, value } of writtenPaths(y)) {
    const segment = value.split('.').find((seg) => RESERVED_NAMES.includes(seg));
    if (segment) at(where, 'form-folder/reserved-path', { value, segment });
  }
  for (const name of Object.keys(y.varianter?.verdier ?? {})) {
    if (RESERVED_NAMES.includes(name))
      out.push(diagnostic(report.file, report.spanFor(['varianter', 'verdier', name], 'key'), 'error', RULE, words(lang, 'form-folder/reserved-value', { value: name })));
  }
  const themes = y.oversikt ?? [];
  once(themes.map((t, i) => ({ id: t.tema, where: ['oversikt', i, 'tema'] })));
  themes.forEach((t, i) => once(t.tall.map((f, j) => ({ id: f.id, where: ['oversikt', i, 'tall', j, 'id'] }))));
  return out.sort(byPosition);
}

/** Names every JavaScript object has: never a field of a report, and never a variant's value. */
const RESERVED_NAMES = ['__proto__', 'constructor', 'prototype'];

/** The paths into the report form.yaml writes (not `oversikt`, whose paths lead into computed figures), with where each stands. */
function writtenPaths(y: FormYaml): { where: DataPath; value: string }[] {
  const out: { where: DataPath; value: string }[] = [];
  for (const key of ['felter', 'fakta'] as const) for (const [name, value] of Object.entries(y[key] ?? {})) out.push({ where: [key, name], value });
  if (y.varianter) out.push({ where: ['varianter', 'felt'], value: y.varianter.felt });
  return out;
}

/** The paths form.yaml gives into the report, and where they stand, for holding them against the form's schema. */
export interface WrittenPaths {
  file: string;
  paths: { where: DataPath; value: string }[];
  spanFor(where: DataPath): Span;
}

/** A dotted path («formalia.kommune»), which the schema has checked, as a data path. */
const dotted = (text: string): DataPath => text.split('.');

/**
 * Reads form.yaml: its JSON Schema first, then the few checks a schema cannot make; each problem
 * points at its line and column. Returns the spec only when there is none.
 */
export function readFormYaml(file: string, bytes: Uint8Array, lang: Lang): { spec?: FormSpec; diagnostics: Diagnostic[]; written?: WrittenPaths } {
  const parsed = parseReport(file, bytes, lang);
  if (!parsed.report) return { diagnostics: parsed.diagnostics };
  const report = parsed.report;
  registerFormSchema();
  const validate = validatorFor(FORM_SCHEMA_ID);
  if (validate(report.data) !== true) return { diagnostics: schemaProblems(validate.errors ?? [], report, lang) };
  const y = report.data as FormYaml;
  const diagnostics = laterProblems(y, report, lang);
  if (diagnostics.length > 0) return { diagnostics };

  const deadline = (frist: RawDeadline | null | undefined, kind: PeriodKind): Deadline | null =>
    frist === undefined ? DEFAULT_DEADLINES[kind] : frist && { maaned: frist.maaned, dag: frist.dag, aar_etter: frist.aar_etter ?? 0 };
  const paths = (given: Record<string, string> = {}) => Object.fromEntries(Object.entries(given).map(([k, p]) => [k, dotted(p)]));
  const nb = typeof y.tittel === 'string' ? y.tittel : y.tittel.nb;
  const en = typeof y.tittel === 'string' ? undefined : y.tittel.en;
  const reportName = y.rapportnavn.trim();
  const formPeriod = { kind: y.periode, frist: deadline(y.frist, y.periode) };
  const variants: FormSpec['variants'] = y.varianter && {
    field: dotted(y.varianter.felt),
    values: Object.fromEntries(
      Object.entries(y.varianter.verdier).map(([name, v]) => {
        // A variant that sets neither period nor deadline keeps the form's own (and its deadline).
        const kind = v.periode ?? y.periode;
        const own = v.periode === undefined && v.frist === undefined ? formPeriod : { kind, frist: deadline(v.frist, kind) };
        return [name, { period: own, reportName: v.rapportnavn?.trim() ?? reportName, type: v.type ?? y.type }];
      }),
    ),
  };
  const overview = y.oversikt?.map((t) => ({
    id: t.tema,
    title: t.tittel.trim(),
    figures: t.tall.map((f) => ({ id: f.id, label: f.etikett.trim(), kind: f.type, path: dotted(f.verdi) })),
  }));
  return {
    spec: {
      id: y.id,
      // The form's name is the form's own text: nynorsk readers see Husbanken's bokmål name.
      title: { nb: nb.trim(), nn: nb.trim(), en: (en ?? nb).trim() },
      reportName,
      type: y.type,
      years: [y.aar[0], y.aar[1]],
      period: formPeriod,
      provisional: y.forelopig === true,
      about: y.beskrivelse?.trim() ?? '',
      fields: { ...DEFAULT_HEADER_FIELDS, ...paths(y.felter) } as HeaderFields,
      facts: paths(y.fakta) as FormFacts,
      aliases: y.tidligere_id ?? [],
      ...(variants ? { variants } : {}),
      ...(overview ? { overview } : {}),
    },
    diagnostics,
    written: { file: report.file, paths: writtenPaths(y), spanFor: (where) => report.spanFor(where, 'value') },
  };
}
