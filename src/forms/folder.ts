import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { diagnostic, FILE_START, NO_POSITION, type Diagnostic, type Span } from '../diagnostics.js';
import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { LIMITS } from '../load/limits.js';
import { parseReport } from '../load/parse.js';
import { readReportFile } from '../load/read.js';
import { decodeUtf8 } from '../load/utf8.js';
import type { DataPath } from '../load/positions.js';
import { t, words, type Lang, type Params, type MessageCode } from '../messages/index.js';
import { sharedSections } from '../parts/figure-table.js';
import { ANSWER_RULES } from '../parts/answer-rules.js';
import { HEADER_RULES } from '../parts/header-rules.js';
import { readHeader, valueAt } from '../parts/header.js';
import { PART_RULES } from '../parts/part-rules.js';
import { periodFacts } from '../parts/period.js';
import { SHARED_FIGURE_KEYS, sharedFigures, type SharedFigures } from '../parts/shared-figures.js';
import { sharedView } from '../parts/shared-view.js';
import { checkSchema } from '../schema/ajv.js';
import { addSchema, addSchemaFile, loadSchemas, schemaAt, type SchemaNode } from '../schema/store.js';
import { closest } from '../util/similar.js';
import { textDigest } from '../util/text-digest.js';
import type { BundledSpec } from './builtin-code.js';
import { readFormYaml, type FormSpec, type WrittenPaths } from './form-yaml.js';
import { checkModule, importModule, moduleProblem } from './module.js';
import { overviewProblems } from './overview.js';
import type { Form, FormModule, OverviewTheme, ReportVariant } from './types.js';

/** `figures`: the JSON Schema of the form's own figures, which the build puts into schemas/beregning.schema.json. */
export const FORM_FILES = { spec: 'form.yaml', schema: 'schema.json', template: 'template.hbs', code: 'form.mjs', partials: 'partials', figures: 'beregnet.schema.json' } as const;

export interface FolderLoad {
  form?: Form;
  diagnostics: Diagnostic[];
}

/** A line and column from a character offset, for errors that give an offset (JSON.parse). */
function spanAt(text: string, offset: number): Span {
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const col = before[before.length - 1]!.length + 1;
  return { line, col, endLine: line, endCol: col + 1 };
}

function problem(file: string, span: Span, code: MessageCode, lang: Lang, params: Params = {}): Diagnostic {
  return diagnostic(file, span, 'error', 'form-folder/broken', words(lang, code, params));
}

/**
 * One file of a form folder, read as reports are read (src/load/read.ts): an ordinary file under the
 * size limit. A folder, pipe, device (a symlink to /dev/zero) or a file too large is refused with its
 * name, before anything waits on it or loads it into memory.
 */
export function readFormFile(file: string, lang: Lang, name = path.basename(file)): { bytes: Uint8Array } | { diagnostic: Diagnostic } {
  const read = readReportFile('/', file);
  switch (read.kind) {
    case 'bytes':
      return { bytes: read.bytes };
    case 'missing':
      return { diagnostic: problem(file, NO_POSITION, 'form-folder/missing-file', lang, { file: name }) };
    case 'too-large':
      return { diagnostic: problem(file, NO_POSITION, 'form-folder/too-large', lang, { file: name, size: read.size, limit: LIMITS.maxFileBytes }) };
    default: {
      const reason = read.what === 'folder' ? t(lang, 'form-folder/why-folder') : read.what === 'special' ? t(lang, 'form-folder/why-special') : read.reason;
      return { diagnostic: problem(file, NO_POSITION, 'form-folder/unreadable', lang, { file: name, reason }) };
    }
  }
}

/** A form file's text, or why it cannot be read (see readFormFile). */
function readFormText(file: string, lang: Lang, name?: string): { text: string } | { diagnostic: Diagnostic } {
  const read = readFormFile(file, lang, name);
  return 'bytes' in read ? { text: Buffer.from(read.bytes).toString('utf8') } : read;
}

/** The one draft bosoreport compiles schemas with (ajv's 2020 compiler), with or without the empty fragment. */
const SUPPORTED_DRAFTS = ['https://json-schema.org/draft/2020-12/schema', 'https://json-schema.org/draft/2020-12/schema#'];

/** The schema, parsed, with bosoreport's $id for the form; or why it cannot be used. */
function readSchema(file: string, id: string, lang: Lang): { schema?: SchemaNode; text?: string; diagnostics: Diagnostic[] } {
  const read = readFormText(file, lang);
  if (!('text' in read)) return { diagnostics: [read.diagnostic] };
  const text = read.text;
  let schema: SchemaNode;
  try {
    schema = JSON.parse(text) as SchemaNode;
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    return { diagnostics: [problem(file, at ? spanAt(text, Number(at[1])) : FILE_START, 'form-folder/bad-json', lang, { detail: (error as Error).message.split('\n')[0]! })] };
  }
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema))
    return { diagnostics: [problem(file, FILE_START, 'form-folder/bad-schema', lang, { detail: 'not an object' })] };
  const schemaId = `${id}.schema.json`;
  if (schema.$id !== undefined && schema.$id !== schemaId)
    return { diagnostics: [problem(file, FILE_START, 'form-folder/schema-id', lang, { value: String(schema.$id), expected: schemaId })] };
  // Another draft (07, 2019-09) or any other URL would make ajv look for a meta-schema it does not have.
  if (schema.$schema !== undefined && !SUPPORTED_DRAFTS.includes(schema.$schema as string)) {
    const value = typeof schema.$schema === 'string' ? schema.$schema : JSON.stringify(schema.$schema);
    return { diagnostics: [problem(file, schemaSpan(file, text, { instancePath: '/$schema' }, lang), 'form-folder/schema-draft', lang, { value })] };
  }
  return { schema: { ...schema, $id: schemaId }, text, diagnostics: [] };
}

/** Where in schema.json a keyword or schema path stands, found by reading the file with positions. */
function schemaSpan(file: string, text: string, at: { instancePath?: string; keyword?: string }, lang: Lang): Span {
  const parsed = parseReport(file, new TextEncoder().encode(text), lang).report;
  if (parsed && at.instancePath !== undefined) {
    const segs = at.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    return parsed.spanFor(
      segs.map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
      'value',
    );
  }
  if (at.keyword) {
    const i = text.indexOf(`"${at.keyword}"`);
    if (i >= 0) return spanAt(text, i);
  }
  return FILE_START;
}

/** The header year must be a whole number the schema requires, or no period can follow from it. */
function checkYearField(spec: FormSpec, schemaId: string): boolean {
  const node = schemaAt(schemaId, spec.fields.aar);
  const types = ([] as string[]).concat(node?.type ?? []);
  if (!node || !types.includes('integer') || types.includes('null')) return false;
  for (let i = 0; i < spec.fields.aar.length; i++) {
    const owner = schemaAt(schemaId, spec.fields.aar.slice(0, i));
    if (!owner?.required?.includes(String(spec.fields.aar[i]))) return false;
  }
  return true;
}

/** Template syntax, checked now so a broken template stops the run before anything is rendered. */
async function checkTemplate(file: string, lang: Lang, name?: string): Promise<Diagnostic[]> {
  const read = readFormText(file, lang, name);
  if (!('text' in read)) return [read.diagnostic];
  const { default: Handlebars } = await import('handlebars');
  try {
    Handlebars.parse(read.text);
    return [];
  } catch (error) {
    const e = error as Error & { lineNumber?: number; column?: number };
    const line = e.lineNumber ?? Number(/line (\d+)/.exec(e.message)?.[1] ?? 1);
    const col = (e.column ?? 0) + 1;
    return [problem(file, { line, col, endLine: line, endCol: col + 1 }, 'form-folder/bad-template', lang, { detail: e.message.split('\n')[0]! })];
  }
}

/** The form's own partials (`partials/*.hbs`), read and parsed now like the template. */
async function checkPartials(dir: string, lang: Lang): Promise<Diagnostic[]> {
  const partials = path.join(dir, FORM_FILES.partials);
  if (!existsSync(partials)) return [];
  const name = FORM_FILES.partials;
  if (!statSync(partials).isDirectory()) return [problem(partials, NO_POSITION, 'form-folder/partials-not-folder', lang, {})];
  const out: Diagnostic[] = [];
  for (const entry of readdirSync(partials).sort()) {
    if (entry.endsWith('.hbs')) out.push(...(await checkTemplate(path.join(partials, entry), lang, `${name}/${entry}`)));
  }
  return out;
}

/** A path's segments that are not field names but names every JavaScript object has. */
const RESERVED_SEGMENTS = ['__proto__', 'constructor', 'prototype'];

/**
 * The paths form.yaml gives into the report (\`felter\`, \`fakta\`, \`varianter.felt\`), each held against
 * the form's own schema: a typo or a name the schema lacks would otherwise make the form read nothing
 * there, silently. Where the schema says no more than «one of these» (allOf, anyOf, oneOf, if/then,
 * patternProperties), the path cannot be followed and is let through.
 */
function pathsNotInSchema(written: WrittenPaths, schemaId: string, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { where, value } of written.paths) {
    const segs = value.split('.');
    if (segs.some((s) => RESERVED_SEGMENTS.includes(s))) continue; // refused already, by readFormYaml
    let known: string[] | undefined;
    let open = false;
    for (let i = 0; i < segs.length; i++) {
      const node = schemaAt(schemaId, segs.slice(0, i)); // with its $ref followed
      if (!node) break;
      const anything = node.properties === undefined && node.type === undefined;
      if (anything || node.additionalProperties === true || ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'patternProperties', '$dynamicRef'].some((k) => k in node))
        open = true;
      if (!schemaAt(schemaId, segs.slice(0, i + 1))) {
        known = Object.keys(node.properties ?? {}).map((k) => [...segs.slice(0, i), k].join('.'));
        break;
      }
    }
    if (known === undefined || open) continue;
    const suggestion = closest(value, known);
    out.push(
      diagnostic(
        written.file,
        written.spanFor(where),
        'error',
        'form-folder/form-yaml',
        words(lang, 'form-folder/path-not-in-schema', { value, ...(suggestion ? { suggestion } : {}) }),
      ),
    );
  }
  return out;
}

/**
 * The form's own figures. A name bosoreport owns (the period, the shared parts) is refused: the shared
 * figures have one name and shape in every form. Handing `shared` on unchanged, as forms written
 * before this rule do (`{ ...shared, … }`), is no clash and is dropped.
 */
function ownFigures(code: FormModule, data: unknown, shared: SharedFigures, dir: string): Record<string, unknown> {
  if (!code.derive) return {};
  const own = { ...code.derive(data, shared as Record<string, unknown>) };
  for (const key of SHARED_FIGURE_KEYS) {
    if (!(key in own)) continue;
    if (own[key] !== (shared as Record<string, unknown>)[key]) {
      throw new BosoreportError(
        `${dir}: derive returned "${key}", which bosoreport computes itself for every form; return only the form's own figures (a shared table's dates follow from the period).`,
        EXIT_USAGE,
      );
    }
    delete own[key];
  }
  return own;
}

/** Ties the form's data, schema and code into the unit the pipeline runs. */
function assemble(spec: FormSpec, overview: readonly OverviewTheme[], dir: string, origin: Form['origin'], code: FormModule, schemaId: string): Form {
  const base = { id: spec.id, schemaId, years: spec.years, fields: spec.fields };
  const helpers = {
    title: (p: DataPath) => schemaAt(schemaId, p)?.title,
    description: (p: DataPath) => schemaAt(schemaId, p)?.description,
  };
  const partials = path.join(dir, FORM_FILES.partials);
  const single: ReportVariant = { period: spec.period, reportName: spec.reportName, type: spec.type };
  const variant = (data: unknown): ReportVariant => {
    if (!spec.variants) return single;
    const value = valueAt(data, spec.variants.field);
    // Own values only: a report writing «constructor» must not choose Object's constructor.
    const chosen = typeof value === 'string' && Object.hasOwn(spec.variants.values, value) ? spec.variants.values[value] : undefined;
    return chosen ? { ...chosen, value: value as string } : single;
  };
  return {
    ...base,
    title: spec.title,
    reportName: spec.reportName,
    type: spec.type,
    period: spec.period,
    provisional: spec.provisional,
    about: spec.about,
    facts: spec.facts,
    aliases: spec.aliases,
    ...(spec.variants ? { variants: { ...spec.variants, usual: Object.entries(spec.variants.values).find(([, v]) => v.type === spec.type)?.[0] } } : {}),
    variant,
    origin,
    dir,
    templateFile: path.join(dir, FORM_FILES.template),
    ...(existsSync(partials) ? { partialsDir: partials } : {}),
    derive(data) {
      const h = readHeader(data, spec.fields);
      const aar = h.aar!; // the loader checked that the schema requires it as a whole number
      const periode = periodFacts(variant(data).period, aar, h.rapporteringsdato, h.forsidedato, h.programstart);
      const shared = sharedFigures(schemaId, data, periode);
      return { periode, ...shared, ...ownFigures(code, data, shared, dir) };
    },
    overview,
    rules: [...HEADER_RULES, ...PART_RULES, ...ANSWER_RULES, ...(code.rules ?? [])],
    figureTable: (figures, lang) => (code.figureTable ? code.figureTable(figures, lang) : sharedSections(figures, lang)),
    // The shared parts' rows for the shared partials, then whatever the form's own code adds.
    view: (data, figures) => {
      const shared = sharedView(schemaId, data, figures as SharedFigures, helpers);
      return { ...shared, ...(code.view ? code.view(data, figures, helpers, shared) : {}) };
    },
  };
}

/**
 * Loads one form folder: form.yaml, schema.json, template.hbs and, where there is one, the code.
 * Built-in forms and a repository's forms come through here alike; for a repository's form the schema
 * is compiled and the template parsed now, so a broken folder is reported with its file and line
 * before any report is checked. `code` is the built-in form's module when the bundle carries it, and
 * `bundled` its form.yaml as read at build time, used while the file holds the same text.
 */
export async function loadFormFolder(dir: string, origin: Form['origin'], lang: Lang, code?: FormModule, bundled?: BundledSpec): Promise<FolderLoad> {
  const specFile = path.join(dir, FORM_FILES.spec);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return { diagnostics: [problem(dir, NO_POSITION, 'form-folder/not-a-folder', lang, { dir })] };
  const specRead = readFormFile(specFile, lang);
  if (!('bytes' in specRead)) return { diagnostics: [specRead.diagnostic] };
  const bytes = specRead.bytes;
  const read = bundled && textDigest([decodeUtf8(bytes)]) === bundled.digest ? { spec: bundled.spec, diagnostics: [] } : readFormYaml(specFile, bytes, lang);
  if (!read.spec) return { diagnostics: read.diagnostics };
  const spec = read.spec;
  const overview = spec.overview ?? [];
  const wrongOverview = overviewProblems(specFile, bytes, overview, lang);
  if (wrongOverview.length) return { diagnostics: wrongOverview };

  const schemaFile = path.join(dir, FORM_FILES.schema);
  const diagnostics: Diagnostic[] = [];
  let schemaId = `${spec.id}.schema.json`;
  if (origin === 'builtin') {
    // Read when first needed: a run that checks one annual report reads one form's schema.
    addSchemaFile(schemaId, schemaFile, origin);
  } else {
    const schema = readSchema(schemaFile, spec.id, lang);
    if (!schema.schema) return { diagnostics: schema.diagnostics };
    // Another folder of the same id may have been loaded in this process (another repository, a test):
    // each gets a registered id of its own, in the same folder of ids so relative $refs still resolve.
    for (let n = 2; loadSchemas().has(schemaId); n++) schemaId = `${spec.id}~${n}.schema.json`;
    addSchema(schemaId, schema.text!, origin, { ...schema.schema, $id: schemaId });
    // Built-in schemas were compiled when bosoreport was built; a repository's is compiled here, once.
    const broken = checkSchema(schemaId);
    if (broken) diagnostics.push(problem(schemaFile, schemaSpan(schemaFile, schema.text!, broken, lang), 'form-folder/bad-schema', lang, { detail: broken.message }));
    else {
      const wrongPaths = read.written ? pathsNotInSchema(read.written, schemaId, lang) : [];
      if (wrongPaths.length) diagnostics.push(...wrongPaths);
      else if (!checkYearField(spec, schemaId)) diagnostics.push(problem(specFile, FILE_START, 'form-folder/no-year', lang, { path: spec.fields.aar.join('.') }));
    }
    diagnostics.push(...(await checkTemplate(path.join(dir, FORM_FILES.template), lang)));
    diagnostics.push(...(await checkPartials(dir, lang)));
  }

  let module = code;
  if (!module) {
    const file = origin === 'builtin' ? ['form.js', 'form.ts'].map((f) => path.join(dir, f)).find(existsSync) : path.join(dir, FORM_FILES.code);
    // Read first as any form file is (no pipe, device or folder, within the size limit): Node's loader would wait on a pipe for ever.
    const unreadable = file && origin !== 'builtin' && existsSync(file) ? readFormFile(file, lang) : undefined;
    if (unreadable && 'diagnostic' in unreadable) diagnostics.push(unreadable.diagnostic);
    else if (file && existsSync(file)) {
      const imported = await importModule(file);
      if ('error' in imported) diagnostics.push(moduleProblem(file, imported.error, lang));
      else {
        const checked = checkModule(file, imported.exports, lang);
        diagnostics.push(...checked.diagnostics);
        module = checked.module;
      }
    }
  }
  if (diagnostics.length > 0) return { diagnostics };
  return { form: assemble(spec, overview, dir, origin, module ?? {}, schemaId), diagnostics };
}
