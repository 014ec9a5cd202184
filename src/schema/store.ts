import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A JSON Schema object as found in schemas/ (only the keywords bosoreport reads itself are typed). */
export interface SchemaNode {
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  [keyword: string]: unknown;
}

/** The folder holding the shared JSON Schemas (definitions every form may $ref, the compute output). */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

/** Where a schema came from: bosoreport itself (shared schemas, built-in forms) or a reports repository. */
export type SchemaOrigin = 'builtin' | 'repository';

const texts = new Map<string, { text: string; origin: SchemaOrigin }>();
/** Built-in form schemas not read yet: a run that validates one form reads one form's schema. */
const pending = new Map<string, { file: string; origin: SchemaOrigin }>();
let sharedLoaded = false;

function loadPending(id: string): void {
  const p = pending.get(id);
  if (!p) return;
  pending.delete(id);
  addSchema(id, readFileSync(p.file, 'utf8'), p.origin);
}

/** The registered schemas by $id; a schema registered by file is read when first asked for. */
class SchemaMap extends Map<string, SchemaNode> {
  override get(id: string): SchemaNode | undefined {
    loadPending(id);
    return super.get(id);
  }
  override has(id: string): boolean {
    return pending.has(id) || super.has(id);
  }
  override values(): MapIterator<SchemaNode> {
    for (const id of [...pending.keys()]) loadPending(id);
    return super.values();
  }
  override entries(): MapIterator<[string, SchemaNode]> {
    for (const id of [...pending.keys()]) loadPending(id);
    return super.entries();
  }
}
const nodes = new SchemaMap();

/**
 * The schemas every form may use. The other files in schemas/ are the editor copies of the built-in
 * forms' schemas, written there by the build (each self-contained, for editors' modelines).
 */
export const SHARED_SCHEMAS = ['beregning.schema.json', 'felles.schema.json'];

function loadShared(): void {
  if (sharedLoaded) return;
  sharedLoaded = true;
  for (const name of SHARED_SCHEMAS) addSchemaFile(name, SCHEMA_DIR + name, 'builtin');
}

/**
 * Registers a schema under its $id (a form's schema is registered by the form registry when the form
 * is loaded). The text is kept so that validators compiled at build time can be matched to it.
 */
export function addSchema(id: string, text: string, origin: SchemaOrigin, node: SchemaNode = JSON.parse(text) as SchemaNode): void {
  texts.set(id, { text, origin });
  nodes.set(id, node);
}

/** Registers a schema by its file, read only when the schema is first needed. */
export function addSchemaFile(id: string, file: string, origin: SchemaOrigin): void {
  pending.set(id, { file, origin });
}

/** The text of one registered schema (read now if it was registered by file). */
export function schemaText(id: string): string | undefined {
  loadShared();
  loadPending(id);
  return texts.get(id)?.text;
}

/** The schemas bosoreport brings itself (shared ones, built-in forms). */
export function builtinSchemas(): SchemaNode[] {
  loadShared();
  for (const id of [...pending.keys()]) loadPending(id);
  return [...texts.entries()].filter(([, e]) => e.origin === 'builtin').map(([id]) => nodes.get(id)!);
}

/** Every registered schema, keyed by its $id. */
export function loadSchemas(): Map<string, SchemaNode> {
  loadShared();
  // (entries are read from their files as they are asked for)
  return nodes;
}

function pointerGet(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').filter(Boolean)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' && Object.hasOwn(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
  }
  return node;
}

/** A schema node with its $ref followed; the referring node's own title and description win. */
export interface Resolved {
  node: SchemaNode;
  /** $id of the document the node came from, for resolving its own relative refs. */
  docId: string;
}

/** Resolved nodes per schema set, node and document: schemas never change in a run, and a batch asks for the same fields in every report. */
const resolvedCache = new WeakMap<object, WeakMap<SchemaNode, Map<string, Resolved>>>();

export function resolve(node: SchemaNode, docId: string, schemas = loadSchemas()): Resolved {
  let byNode = resolvedCache.get(schemas);
  if (!byNode) resolvedCache.set(schemas, (byNode = new WeakMap()));
  let byDoc = byNode.get(node);
  if (!byDoc) byNode.set(node, (byDoc = new Map()));
  let done = byDoc.get(docId);
  if (!done) byDoc.set(docId, (done = resolveOnce(node, docId, schemas)));
  return done;
}

function resolveOnce(node: SchemaNode, docId: string, schemas: ReturnType<typeof loadSchemas>): Resolved {
  let current: Resolved = { node, docId };
  const overrides: SchemaNode = {};
  for (let hops = 0; current.node.$ref && hops < 32; hops++) {
    const { $ref, ...own } = current.node;
    for (const [k, v] of Object.entries(own)) if (!(k in overrides)) overrides[k] = v;
    const [file, pointer = ''] = $ref.split('#');
    const targetDoc = file ? file : current.docId;
    const target = pointerGet(schemas.get(targetDoc), pointer) as SchemaNode | undefined;
    if (!target) throw new Error(`unresolvable $ref ${$ref} in ${current.docId}`);
    current = { node: target, docId: targetDoc };
  }
  return { node: { ...current.node, ...overrides }, docId: current.docId };
}

/**
 * The schema that describes the value at a data path, with refs followed, or undefined when the
 * path leaves what the schema declares. Used for field titles in messages and for known keys.
 */
export function schemaAt(rootId: string, path: readonly (string | number)[], schemas = loadSchemas()): SchemaNode | undefined {
  const root = schemas.get(rootId);
  if (!root) return undefined;
  let here = resolve(root, rootId, schemas);
  for (const seg of path) {
    // A key a map's `additionalProperties` describes (form.yaml's variant names) has that schema.
    const open = typeof here.node.additionalProperties === 'object' ? (here.node.additionalProperties as SchemaNode) : undefined;
    // Own keys only: «__proto__» or «constructor» is no property a schema declares.
    const props = here.node.properties;
    const next = typeof seg === 'number' ? here.node.items : ((props && Object.hasOwn(props, seg) ? props[seg] : undefined) ?? open);
    if (!next) return undefined;
    here = resolve(next, here.docId, schemas);
  }
  return here.node;
}
