import { toPointer } from '../diagnostics.js';
import { schemaAt, type SchemaNode } from '../schema/store.js';
import { ACTIVITY_STATUSES } from './activities.js';
import { NEED_ROWS } from './data.js';
import { partPatterns, type Pattern } from './discover.js';

/**
 * The JSON Schema of the figures bosoreport computes for every form (the period, the shared parts),
 * written once here beside the code that computes them. schemas/beregning.schema.json carries these
 * as its `$defs`; a form's beregnet.schema.json refers to them as `beregning.schema.json#/$defs/<name>`.
 */
export const FIGURES_SCHEMA_ID = 'beregning.schema.json';

export const figureRef = (name: keyof typeof SHARED_FIGURE_DEFS): SchemaNode => ({ $ref: `${FIGURES_SCHEMA_ID}#/$defs/${name}` });

const strict = (properties: Record<string, SchemaNode>, optional: readonly string[] = [], extra: SchemaNode = {}): SchemaNode => ({
  type: 'object',
  additionalProperties: false,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
  properties,
  ...extra,
});
const date: SchemaNode = { type: 'string', format: 'date' };
const dateOrNull: SchemaNode = { type: ['string', 'null'], format: 'date' };
const count: SchemaNode = { $ref: `${FIGURES_SCHEMA_ID}#/$defs/antall` };

export const SHARED_FIGURE_DEFS = {
  antall: { title: 'Antall', description: 'Et heltall, eller null når det ikke er kjent (aldri 0 for ukjent).', type: ['integer', 'null'] },
  forholdstall: {
    title: 'Forholdstall',
    description: 'teller / nevner, med delene tatt vare på; andel er null når en del er ukjent eller nevneren er 0.',
    ...strict({ teller: count, nevner: count, andel: { type: ['number', 'null'] } }),
  },
  periode: {
    title: 'Perioden rapporten gjelder, og leveringen',
    ...strict({
      aar: { type: 'integer' },
      fra: dateOrNull,
      til: dateOrNull,
      frist: dateOrNull,
      rapporteringsdato: dateOrNull,
      dager_til_frist: { type: ['integer', 'null'], description: 'Positivt: levert før fristen; negativt: etter.' },
      levert: { enum: ['i_tide', 'for_sent', 'ukjent'] },
      forsidedato: dateOrNull,
    }),
  },
  behovsfigurer: {
    title: 'Én rad i behovstabellen',
    ...strict(
      {
        pr_0101: count,
        pr_3112: count,
        endring: { ...count, description: 'Nedgang i behov: status 01.01 − status 31.12, som skjemaets resultat; negativt betyr at behovet økte.' },
        resultat_rapportert: count,
        resultat_avviker: { type: ['boolean', 'null'] },
      },
      ['resultat_rapportert'],
    ),
  },
  behovstabell: {
    title: 'Behovstabellen A, B, C',
    ...strict({
      dato_0101: date,
      dato_3112: date,
      rader: strict(Object.fromEntries(NEED_ROWS.map((k) => [k, { $ref: `${FIGURES_SCHEMA_ID}#/$defs/behovsfigurer` }]))),
      sum: strict({ pr_0101: count, pr_3112: count, endring: count }),
    }),
  },
  aktivitetstabell: {
    title: 'Oppsummering av en aktivitetstabell',
    ...strict({
      antall_rader: { type: 'integer', minimum: 0 },
      per_status: strict(Object.fromEntries([...ACTIVITY_STATUSES, 'uten_status'].map((k) => [k, { type: ['integer', 'null'], minimum: 0 }]))),
      rader_med_prosent: { type: 'integer', minimum: 0 },
      snitt_framdrift: { type: ['number', 'null'] },
      median_framdrift: { type: ['number', 'null'] },
      med_avvik: {
        type: 'array',
        items: strict({ nr: { type: 'integer' }, tittel: { type: 'string' }, delrad: { type: ['integer', 'null'] }, beskrivelse: { type: 'string' }, avvik: { type: 'string' } }, [
          'beskrivelse',
        ]),
      },
    }),
  },
} satisfies Record<string, SchemaNode>;

const INDEX = '(?:0|[1-9][0-9]*)';
const segment = (s: string) =>
  s === '*'
    ? INDEX
    : toPointer([s])
        .slice(1)
        .replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

/**
 * Schema-path patterns as regular expressions over JSON Pointers ('*' is any list index). A list that
 * holds itself (a chapter's sub-chapters) is found to a fixed depth; its repeats become one `(…)+`.
 */
function pointerPatterns(paths: readonly (readonly string[])[]): string[] {
  const nested = new Set<string>();
  for (const p of paths) for (let i = 0; i + 3 < p.length; i++) if (p[i + 1] === '*' && p[i + 3] === '*' && p[i] === p[i + 2]) nested.add(p[i]!);
  const patterns = paths.map((p) => {
    let out = '';
    for (let i = 0; i < p.length;) {
      const seg = p[i]!;
      if (nested.has(seg) && p[i + 1] === '*') {
        while (p[i] === seg && p[i + 1] === '*') i += 2;
        out += `(?:/${segment(seg)}/${INDEX})+`;
      } else {
        out += `/${segment(seg)}`;
        i++;
      }
    }
    return `^${out}$`;
  });
  return [...new Set(patterns)];
}

/** True when the schema makes every step of the path required, so the part is in every valid report. */
function alwaysThere(schemaId: string, path: readonly string[]): boolean {
  return path.every((seg, i) => seg !== '*' && (schemaAt(schemaId, path.slice(0, i))?.required ?? []).includes(seg));
}

/** A map from pointers to one kind of figures: fixed pointers by name, list items by pattern; required when one is always there. */
function tablesAt(paths: readonly (readonly string[])[], item: SchemaNode, always: (path: readonly string[]) => boolean): { schema: SchemaNode; required: boolean } {
  const fixed = paths.filter((p) => !p.includes('*'));
  const patterned = paths.filter((p) => p.includes('*'));
  const schema: SchemaNode = { type: 'object', minProperties: 1, additionalProperties: false };
  if (fixed.length) schema.properties = Object.fromEntries(fixed.map((p) => [toPointer(p), item]));
  if (patterned.length) schema.patternProperties = Object.fromEntries(pointerPatterns(patterned).map((p) => [p, item]));
  return { schema, required: fixed.some(always) };
}

/**
 * The shared part of one form's `beregnet`: `periode` always, `behovstabeller` and
 * `aktivitetstabeller` keyed by exactly the pointers its schema allows. `required` lists those every
 * schema-valid report has.
 */
export function sharedFiguresSchema(schemaId: string): { properties: Record<string, SchemaNode>; required: string[] } {
  const patterns: Pattern[] = partPatterns(schemaId);
  const key = (p: readonly string[]) => JSON.stringify(p);
  const needOwners = new Map<string, string[]>();
  for (const p of patterns) {
    const last = p.path[p.path.length - 1];
    if (p.kind !== 'need' || !(NEED_ROWS as readonly unknown[]).includes(last)) continue;
    const owner = p.path.slice(0, -1);
    // All three rows required, or a valid report may lack one and then has no table there.
    if (NEED_ROWS.every((row) => patterns.some((q) => q.kind === 'need' && key(q.path) === key([...owner, row])))) needOwners.set(key(owner), owner);
  }
  const lists = patterns.filter((p) => p.kind === 'activities').map((p) => p.path);
  const properties: Record<string, SchemaNode> = { periode: figureRef('periode') };
  const required = ['periode'];
  // A need table counts only with all three rows, so it is certain only where the rows are required too.
  const needThere = (p: readonly string[]) => alwaysThere(schemaId, p) && NEED_ROWS.every((r) => (schemaAt(schemaId, p)?.required ?? []).includes(r));
  const parts = [
    ['behovstabeller', [...needOwners.values()], 'behovstabell', needThere],
    ['aktivitetstabeller', lists, 'aktivitetstabell', (p: readonly string[]) => alwaysThere(schemaId, p)],
  ] as const;
  for (const [name, paths, def, always] of parts) {
    if (!paths.length) continue;
    const at = tablesAt(paths, figureRef(def), always);
    properties[name] = at.schema;
    if (at.required) required.push(name);
  }
  return { properties, required };
}
