import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Aarsrapport2012 } from '../forms/aarsrapport-2012/data.js';
import { NEED_ROWS } from '../forms/aarsrapport-2012/data.js';
import type { ProgramInfo } from '../forms/shared/data.js';
import type { FormDescriptor } from '../forms/types.js';
import { loadSchemas, resolve, type SchemaNode } from '../validate/schemas.js';

export interface SkeletonOptions {
  form: FormDescriptor;
  kommune: string;
  aar: number;
  /** Path from the new file to the form's schema, for the editor modeline. */
  schemaRef: string;
  /** Last year's report of the same municipality, already schema-valid, and its file name. */
  from?: { data: unknown; file: string; formId: string };
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
  if (t.includes('null')) return null;
  if (t.includes('object') && s.properties) {
    const out: Record<string, unknown> = {};
    const required = new Set(s.required ?? []);
    for (const [key, child] of Object.entries(s.properties)) {
      const c = resolve(child, n.docId).node;
      const section = types(c).includes('object') && !types(c).includes('null') && c.properties;
      // Optional fields that may be blank in the form (telefon, e-post, a reported result) are shown too.
      const blankable = types(c).includes('null') && !types(c).includes('object');
      if (required.has(key) || section || blankable) out[key] = empty(child, n.docId);
    }
    return out;
  }
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
        pair.key.commentBefore = wrap(text).map((l) => ` ${l}`).join('\n');
        if (depth === 0) pair.key.spaceBefore = true;
      }
      annotate(pair.value as Node, child, here.docId, depth + 1);
    }
  } else if (isSeq(node) && here.node.items) {
    for (const item of node.items) annotate(item as Node, here.node.items, here.docId, depth + 1);
  }
}

/** Carries over from last year what does not change (programme information) and what must match (31.12 → 01.01). */
function carry(value: Record<string, any>, options: SkeletonOptions): string[] {
  const notes: string[] = [];
  const last = options.from;
  if (!last) return notes;
  const info = (last.data as { generell_programinformasjon: ProgramInfo }).generell_programinformasjon;
  for (const key of ['programnavn', 'programleder', 'programansvarlig', 'programstart', 'utfylt_av', 'telefon', 'epost'] as const) {
    if (key in value.generell_programinformasjon && info[key] !== undefined) value.generell_programinformasjon[key] = info[key];
  }
  if (last.formId === options.form.id && options.form.kind === 'aarsrapport') {
    const before = last.data as Aarsrapport2012;
    for (const row of NEED_ROWS) {
      value.hovedmaal.anskaffe_og_beholde_bolig[row].status_behov_pr_0101 = before.hovedmaal.anskaffe_og_beholde_bolig[row].status_behov_pr_3112;
    }
    if (before.hovedmaal.saerskilt_prioritert_omraade && value.hovedmaal.saerskilt_prioritert_omraade) {
      value.hovedmaal.saerskilt_prioritert_omraade.omraade = before.hovedmaal.saerskilt_prioritert_omraade.omraade;
    }
    notes.push(`Status behov pr. 01.01.${options.aar} er hentet fra status pr. 31.12.${options.aar - 1} i ${last.file}.`);
  }
  notes.push(`Programinformasjonen er hentet fra ${last.file}; sjekk at den fortsatt stemmer.`);
  return notes;
}

/** The text of a new report: every field of the form, explained, with what can be known filled in. */
export function skeleton(options: SkeletonOptions): string {
  const schemaFile = options.form.schemaFile;
  const schema = loadSchemas().get(schemaFile)!;
  const value = empty(schema, schemaFile) as Record<string, any>;
  value.generell_programinformasjon.kommune = options.kommune;
  value.generell_programinformasjon.rapporteringsaar = options.aar;
  const notes = carry(value, options);
  const doc = new Document(value);
  annotate(doc.contents as Node, schema, schemaFile, 0);
  doc.commentBefore = [
    ` yaml-language-server: $schema=${options.schemaRef}`,
    '',
    ` ${options.form.title.nb}, ${options.kommune} ${options.aar}. Laget av «bosoreport init».`,
    ' Fyll inn alle felt som står tomme (""). Tall som ikke er kjent skrives null, aldri 0,',
    ' og forklares i «kommentar» på samme rad. Lengre tekst skrives etter «|» på linjene under.',
    ' Sjekk rapporten med: bosoreport validate <denne filen>',
    ...notes.map((n) => ` ${n}`),
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
