import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import type { Form } from '../forms/types.js';
import type { DataPath } from '../load/positions.js';
import { NEED_ROWS } from '../parts/data.js';
import { valueAt } from '../parts/header.js';
import { NOT_FILLED_IN } from '../parts/not-filled-in.js';
import { loadSchemas, resolve, type SchemaNode } from '../schema/store.js';

export interface SkeletonOptions {
  form: Form;
  kommune: string;
  aar: number;
  /** Path from the new file to the form's schema, for the editor modeline. */
  schemaRef: string;
  /** The command that checks the new file, as the author can type it («npx bosoreport validate …»). */
  checkCommand: string;
  /** For a form with variants (half-year or annual): the value of the field that chooses. */
  variant?: string;
  /** Last year's report of the same municipality, already schema-valid, and its file name. */
  from?: { data: unknown; file: string; form: Form };
  /** Values already known (an imported report's answers), set after the rest; a path the new report lacks is made. */
  values?: { path: DataPath; value: unknown }[];
  /** The lines the file starts with after the modeline, in place of init's own. */
  intro?: string[];
}

function types(node: SchemaNode): string[] {
  return ([] as string[]).concat(node.type ?? []);
}

/**
 * An empty value of the right shape for a schema node: "" for text to write, null for a number not
 * known yet, one item for a list of rows. Optional fields are left out, except optional sections.
 */
function empty(node: SchemaNode, docId: string): unknown {
  const n = resolve(node, docId);
  const s = n.node;
  if (s.const !== undefined) return s.const;
  const t = types(s);
  // A name the form asks for is "" (to fill in, and flagged until it is); dates and numbers not known yet are null.
  if (t.includes('string') && t.includes('null') && !t.includes('integer') && !s.format) return '';
  if (t.includes('null')) return null;
  if (t.includes('object') && s.properties) {
    const out: Record<string, unknown> = {};
    const required = new Set(s.required ?? []);
    for (const [key, child] of Object.entries(s.properties)) {
      const c = resolve(child, n.docId).node;
      // (An object that must hold something when given, like a memo's header, is no section of the form.)
      const section = types(c).includes('object') && !types(c).includes('null') && c.properties && c.minProperties === undefined;
      // Optional fields that may be blank in the form (telefon, e-post, a reported result) are shown too.
      const blankable = types(c).includes('null') && !types(c).includes('object');
      if (required.has(key) || section || blankable) out[key] = empty(child, n.docId);
    }
    return out;
  }
  // A text with a pattern (an activity's id) cannot start empty: it starts as the schema's first example.
  if (t.includes('string') && typeof s.pattern === 'string' && Array.isArray(s.examples) && typeof s.examples[0] === 'string') return s.examples[0];
  if (t.includes('string')) return '';
  if (t.includes('array') && s.items) {
    const item = resolve(s.items, n.docId).node;
    return item.properties ? [empty(s.items, n.docId)] : [];
  }
  if (t.includes('integer')) return typeof s.minimum === 'number' ? s.minimum : 0;
  return null;
}

function wrap(text: string, width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Puts each field's title and description from the schema above it, as YAML comments. */
function annotate(node: Node | null, schema: SchemaNode, docId: string, depth: number): void {
  const here = resolve(schema, docId);
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const child = here.node.properties?.[key];
      if (!child) continue;
      const c = resolve(child, here.docId).node;
      const text = [c.title, c.description].filter(Boolean).join(': ');
      if (text && isScalar(pair.key)) {
        pair.key.commentBefore = wrap(text)
          .map((l) => ` ${l}`)
          .join('\n');
        if (depth === 0) pair.key.spaceBefore = true;
      }
      annotate(pair.value as Node, child, here.docId, depth + 1);
    }
  } else if (isSeq(node) && here.node.items) {
    for (const item of node.items) annotate(item as Node, here.node.items, here.docId, depth + 1);
  }
}

/**
 * The facts the checks across reports compare (form.yaml `fakta`) are in every new report, optional
 * or not, so a plan starts with its activity list to fill in rather than without one (E43). A plan's
 * activity goals are the other way to list the same activities, so they are left to the author.
 */
const SKELETON_FACTS = ['behov', 'prioritert_omraade', 'plan_aktiviteter'] as const;

/** Adds the field at `path` with its empty value, where its section is in the new report and the field is not. */
function include(value: Record<string, unknown>, root: SchemaNode, rootId: string, path: DataPath): void {
  let here = resolve(root, rootId);
  let owner: unknown = value;
  for (const [i, seg] of path.entries()) {
    const child = typeof seg === 'string' && here.node.properties && Object.hasOwn(here.node.properties, seg) ? here.node.properties[seg] : undefined;
    if (!child || !owner || typeof owner !== 'object' || Array.isArray(owner)) return;
    const at = owner as Record<string, unknown>;
    if (at[seg as string] === undefined) {
      if (i < path.length - 1) return;
      at[seg as string] = empty(child, here.docId);
    }
    owner = at[seg as string];
    here = resolve(child, here.docId);
  }
}

/**
 * Marks each value left for the author, null or an empty list, «# fyll inn»: the checks then say
 * «fill this in», where a bare null would read as «unknown» and ask why (E1, W20).
 */
function markNotFilledIn(doc: Document): void {
  visit(doc, {
    Pair(_, pair) {
      const v = pair.value;
      if (isScalar(v) && v.value === null) v.comment = ` ${NOT_FILLED_IN}`;
      else if (isSeq(v) && v.items.length === 0) {
        // A block sequence with no items would put the comment on a line of its own, away from the value.
        v.flow = true;
        v.comment = ` ${NOT_FILLED_IN}`;
      }
    },
  });
}

/** Sets the value at a path where the new report already has the field. */
function setAt(data: unknown, path: DataPath, value: unknown): void {
  const owner = valueAt(data, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (owner && typeof owner === 'object' && key in owner && value !== undefined) (owner as Record<string | number, unknown>)[key] = value;
}

/**
 * Carries over from last year what does not change (the header fields other than municipality, year
 * and date) and what must match (the need table's 31.12 → this year's 01.01, the priority area),
 * wherever the form keeps them (its header fields and its `fakta`).
 */
function carry(value: Record<string, any>, options: SkeletonOptions): string[] {
  const notes: string[] = [];
  const last = options.from;
  if (!last) return notes;
  const f = options.form.fields;
  const g = last.form.fields;
  for (const key of ['programstart', 'utfylt_av'] as const) setAt(value, f[key], valueAt(last.data, g[key]));
  // The rest of last year's header section (programme name, leader, phone …) where the forms share it.
  const header = f.kommune.slice(0, -1);
  const lastHeader = valueAt(last.data, g.kommune.slice(0, -1));
  const skip = new Set([f.kommune, f.aar, f.rapporteringsdato].map((p) => String(p[p.length - 1])));
  if (header.length > 0 && lastHeader && typeof lastHeader === 'object') {
    for (const [key, v] of Object.entries(lastHeader)) if (!skip.has(key)) setAt(value, [...header, key], v);
  }
  const mine = options.form.facts;
  const theirs = last.form.facts;
  if (mine.behov && theirs.behov) {
    for (const row of NEED_ROWS) setAt(value, [...mine.behov, row, 'status_behov_pr_0101'], valueAt(last.data, [...theirs.behov, row, 'status_behov_pr_3112']));
    notes.push(`Status behov pr. 01.01.${options.aar} er hentet fra status pr. 31.12.${options.aar - 1} i ${last.file}.`);
  }
  if (mine.prioritert_omraade && theirs.prioritert_omraade) setAt(value, mine.prioritert_omraade, valueAt(last.data, theirs.prioritert_omraade));
  notes.push(`Programinformasjonen er hentet fra ${last.file}; sjekk at den fortsatt stemmer.`);
  return notes;
}

/** Sets the value at a path, making the objects on the way (a row written as a figure becomes an object for its comment). */
export function putAt(data: Record<string, unknown>, path: DataPath, value: unknown): void {
  let owner: Record<string | number, unknown> = data;
  for (const [i, seg] of path.slice(0, -1).entries()) {
    const next = owner[seg];
    if (!next || typeof next !== 'object') owner[seg] = typeof path[i + 1] === 'number' ? [] : {};
    owner = owner[seg] as Record<string | number, unknown>;
  }
  owner[path[path.length - 1]!] = value;
}

/** The text of a new report: every field of the form, explained, with what can be known filled in. */
export function skeleton(options: SkeletonOptions): string {
  return skeletonDocument(options).toString({ lineWidth: 0 });
}

/** `skeleton` as a YAML document, for a caller that adds its own comments to the values it set. */
export function skeletonDocument(options: SkeletonOptions): Document {
  const schemaId = options.form.schemaId;
  const schema = loadSchemas().get(schemaId)!;
  const value = empty(schema, schemaId) as Record<string, any>;
  for (const fact of SKELETON_FACTS) {
    const at = options.form.facts[fact];
    if (at) include(value, schema, schemaId, at);
  }
  value.skjema = options.form.id;
  setAt(value, options.form.fields.kommune, options.kommune);
  setAt(value, options.form.fields.aar, options.aar);
  const variants = options.form.variants;
  if (variants && options.variant) {
    // The choosing field goes right after `skjema:`, where a reader looks for what the report is;
    // then it is set (the rest holds its empty value, which must not win).
    if (variants.field.length === 1) {
      const { skjema, ...rest } = value;
      for (const key of Object.keys(value)) delete value[key];
      Object.assign(value, { skjema, [String(variants.field[0])]: null }, rest);
    }
    setAt(value, variants.field, options.variant);
  }
  const notes = carry(value, options);
  for (const v of options.values ?? []) putAt(value, v.path, v.value);
  const doc = new Document(value);
  annotate(doc.contents as Node, schema, schemaId, 0);
  markNotFilledIn(doc);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${options.schemaRef}`,
    '',
    ...(
      options.intro ?? [
        `${options.form.title.nb}, ${options.kommune} ${options.aar}. Laget av «bosoreport init».`,
        `Fyll inn alle felt som står tomme ("") eller med «null  # ${NOT_FILLED_IN}». Et tall som ikke er kjent`,
        `er null, aldri 0: skriv da grunnen i stedet for «${NOT_FILLED_IN}». Lengre tekst skrives etter «|»`,
        'på linjene under.',
      ]
    ).map((l) => (l ? ` ${l}` : '')),
    ` Sjekk rapporten med: ${options.checkCommand}`,
    ...notes.map((n) => ` ${n}`),
  ].join('\n');
  return doc;
}
