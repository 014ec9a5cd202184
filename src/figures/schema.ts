import { FIGURES_SCHEMA_ID, figureRef, SHARED_FIGURE_DEFS, sharedFiguresSchema } from '../parts/figures-schema.js';
import { SHARED_FIGURE_KEYS } from '../parts/shared-figures.js';
import type { SchemaNode } from '../schema/store.js';
import { COMPUTE_FORMAT } from './contract.js';

/** A built-in form as the schema needs it: its id, name and schema, and the schema of its own figures (beregnet.schema.json). */
export interface FormFigures {
  id: string;
  title: string;
  schemaId: string;
  own?: SchemaNode;
}

const FORM_ID = '^[a-z0-9][a-z0-9-]*$';

/** Problems that would make a form's figures loose or clash with the shared ones; the build stops on them. */
function checkOwn(id: string, own: SchemaNode): void {
  const where = `src/forms/${id}/beregnet.schema.json`;
  if (own.type !== 'object' || own.additionalProperties !== false || !Array.isArray(own.required) || !own.properties) {
    throw new Error(`${where}: must be a strict object schema (type "object", additionalProperties false, required, properties)`);
  }
  const clash = Object.keys(own.properties).find((k) => (SHARED_FIGURE_KEYS as readonly string[]).includes(k));
  if (clash) throw new Error(`${where}: "${clash}" is a figure bosoreport computes for every form; a form's own figures need names of their own`);
}

/** One form's `beregnet`, exactly: the period and the shared parts its schema has, and its own figures. */
function formFigures(form: FormFigures): SchemaNode {
  const shared = sharedFiguresSchema(form.schemaId);
  const own = form.own ?? { type: 'object', additionalProperties: false, required: [], properties: {} };
  checkOwn(form.id, own);
  return {
    title: `Beregnede tall: ${form.title}`,
    ...(own.description ? { description: own.description } : {}),
    type: 'object',
    additionalProperties: false,
    required: [...shared.required, ...(own.required as string[])],
    properties: { ...shared.properties, ...own.properties },
  };
}

/**
 * schemas/beregning.schema.json: the document `compute --json` prints, made from the forms so it
 * cannot drift from them. The envelope; `periode` and the shared parts' figures as `$defs`; for
 * each built-in form (by `skjema.id`) its `beregnet` exactly; for any other form (a repository's)
 * the period and shared parts, with its own figures beside them unchecked. Pure.
 */
export function computeSchema(forms: readonly FormFigures[]): SchemaNode {
  const defs: Record<string, SchemaNode> = { ...SHARED_FIGURE_DEFS };
  defs.beregnet = {
    title: 'Beregnede tall for et skjema bosoreport ikke har innebygd',
    description: 'Perioden og de delte delenes tall; skjemaets egne tall står ved siden av.',
    type: 'object',
    required: ['periode'],
    properties: {
      periode: figureRef('periode'),
      behovstabeller: { type: 'object', additionalProperties: figureRef('behovstabell') },
      aktivitetstabeller: { type: 'object', additionalProperties: figureRef('aktivitetstabell') },
    },
  };
  for (const form of forms) defs[`beregnet-${form.id}`] = formFigures(form);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: FIGURES_SCHEMA_ID,
    title: 'Utdata fra «bosoreport compute --json»',
    description:
      'Rapporten slik den ble skrevet, med alle tall bosoreport regner ut, og det bosoreport fant å påpeke. Maler og verktøy leser denne formen. «format» økes når formen endres på en måte som ikke er bakoverkompatibel. Ukjente verdier er null, aldri 0. Laget av byggesteget fra skjemaene (src/build/compute-schema.ts); rett ikke i filen.',
    type: 'object',
    additionalProperties: false,
    required: ['format', 'bosoreport', 'fil', 'skjema', 'rapport', 'beregnet', 'diagnostikk'],
    properties: {
      format: { title: 'Formatversjon', const: COMPUTE_FORMAT },
      bosoreport: { title: 'bosoreport-versjon', type: 'string' },
      fil: { title: 'Rapportfilen', description: 'Stien slik den ble oppgitt.', type: 'string' },
      skjema: {
        description: 'null når rapporten ikke nevner et kjent skjema.',
        anyOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'navn'],
            properties: { id: { title: 'Skjema-id', type: 'string', pattern: FORM_ID }, navn: { title: 'Skjemaets navn', type: 'string' } },
          },
          { type: 'null' },
        ],
      },
      rapport: { title: 'Rapporten', description: 'Dataene fra YAML-filen, uendret; formen er skjemaets (se skjema.id).', type: ['object', 'null'] },
      beregnet: {
        title: 'Beregnede tall',
        description:
          'Perioden (periode), de delte delenes tall (behovstabeller, aktivitetstabeller, etter JSON Pointer i rapporten) og skjemaets egne. null når rapporten ikke stemmer med skjemaet sitt (se diagnostikk).',
        anyOf: [{ $ref: '#/$defs/beregnet' }, { type: 'null' }],
      },
      diagnostikk: {
        title: 'Funn',
        description: 'Advarsler og feil fra reglene, med posisjon i rapportfilen.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['file', 'line', 'col', 'endLine', 'endCol', 'severity', 'ruleId', 'message'],
          properties: {
            file: { type: 'string' },
            line: { type: 'integer', minimum: 1 },
            col: { type: 'integer', minimum: 1 },
            endLine: { type: 'integer', minimum: 1 },
            endCol: { type: 'integer', minimum: 1 },
            severity: { enum: ['error', 'warning'] },
            ruleId: { type: 'string' },
            message: { type: 'string' },
            hint: { type: 'string' },
            path: { description: 'JSON Pointer til verdien funnet gjelder, i «rapport».', type: 'string' },
          },
        },
      },
    },
    allOf: forms.map((form) => ({
      if: { type: 'object', required: ['skjema'], properties: { skjema: { type: 'object', required: ['id'], properties: { id: { const: form.id } } } } },
      then: { properties: { beregnet: { anyOf: [{ $ref: `#/$defs/beregnet-${form.id}` }, { type: 'null' }] } } },
    })),
    $defs: defs,
  };
}

/** The schema as the file holds it. */
export function computeSchemaText(forms: readonly FormFigures[]): string {
  return `${JSON.stringify(computeSchema(forms), null, 2)}\n`;
}
