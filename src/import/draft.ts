import { isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { skeletonDocument } from '../init/skeleton.js';
import type { DataPath } from '../load/positions.js';
import type { ImportResult } from './index.js';

/** The key and value at a path in a YAML document, where the document has it. */
function pairAt(doc: Document, path: DataPath): { pair?: Pair; node?: Node } {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg)) as Pair | undefined;
      node = (pair?.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof seg === 'number') {
      pair = undefined;
      node = (node.items[seg] as Node | undefined) ?? null;
    } else return {};
    if (!node) return pair ? { pair } : {};
  }
  return { ...(pair ? { pair } : {}), ...(node ? { node } : {}) };
}

export interface DraftOptions {
  /** The source's name as the user gave it. */
  source: string;
  schemaRef: string;
  checkCommand: string;
  /** Why this form: «106 av 107 linjer …». */
  why: string;
  /** The municipality the file is named by ('' when the source did not say), and a year for the form's own dates (the field itself stays open when the source has none). */
  kommune: string;
  aar: number;
}

/**
 * The draft report: every field of the form (as `init` writes it), the imported values set, each
 * with where it was found as a comment beside it, and each field left open with why above it. At
 * the top: what was read, how much was found, and the source's text that went into no field.
 */
export function draftText(result: ImportResult, options: DraftOptions): string {
  const unplaced = result.unplaced.slice(0, 20);
  const doc = skeletonDocument({
    form: result.form,
    kommune: options.kommune,
    aar: options.aar,
    schemaRef: options.schemaRef,
    checkCommand: options.checkCommand,
    ...(result.variant ? { variant: result.variant } : {}),
    values: [
      ...result.values.map(({ path, value }) => ({ path, value })),
      // A year the source did not give is left to fill in, never this year's.
      ...(result.aar === undefined ? [{ path: result.form.fields.aar, value: null }] : []),
    ],
    intro: [
      `Utkast til ${result.form.title.nb.toLowerCase()}, lest inn fra ${options.source} av «bosoreport import».`,
      `${options.why}.`,
      `${result.values.length} verdier er hentet; hver har kilden i en kommentar («kilde: ${result.unit} …»). Sjekk dem mot`,
      `originalen. ${result.open.length} felt står åpne: grunnen står over feltet. Felt uten slik kommentar leser ikke importen.`,
      ...(unplaced.length
        ? ['', 'Tekst i kilden som ikke hører til noe felt (sjekk om noe av den skal inn):', ...unplaced.map((u) => `- ${result.unit} ${u.page}: «${u.text}»`)]
        : []),
      ...(result.unplaced.length > unplaced.length ? [`… og ${result.unplaced.length - unplaced.length} til.`] : []),
      '',
    ],
  });
  for (const v of result.values) {
    const { node } = pairAt(doc, v.path);
    if (node && isScalar(node)) node.comment = ` kilde: ${v.note}`;
  }
  for (const o of result.open) {
    const { pair } = pairAt(doc, o.path);
    if (!pair || !isScalar(pair.key)) continue;
    const said = `Ikke lest inn: ${o.why}${o.page ? ` (${result.unit} ${o.page}${o.seen ? `: «${o.seen}»` : ''})` : ''}.`;
    pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n ${said}` : ` ${said}`;
  }
  return doc.toString({ lineWidth: 0 });
}
