import { readdirSync, readFileSync } from 'node:fs';
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

/** The folder holding the JSON Schemas, next to dist/ and src/ in the package. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));

let cache: Map<string, SchemaNode> | undefined;
let sources: Map<string, string> | undefined;

/** The text of every schema file in schemas/, by file name. Read once per process. */
export function schemaSources(): Map<string, string> {
  if (sources) return sources;
  sources = new Map();
  for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json')).sort()) sources.set(name, readFileSync(SCHEMA_DIR + name, 'utf8'));
  return sources;
}

/** Every schema file in schemas/, keyed by its $id (its file name). */
export function loadSchemas(): Map<string, SchemaNode> {
  if (cache) return cache;
  cache = new Map();
  for (const [name, text] of schemaSources()) {
    const schema = JSON.parse(text) as SchemaNode;
    cache.set(schema.$id ?? name, schema);
  }
  return cache;
}

function pointerGet(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').filter(Boolean)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Record<string, unknown> | undefined)?.[seg];
  }
  return node;
}

/** A schema node with its $ref followed; the referring node's own title and description win. */
export interface Resolved {
  node: SchemaNode;
  /** $id of the document the node came from, for resolving its own relative refs. */
  docId: string;
}

export function resolve(node: SchemaNode, docId: string, schemas = loadSchemas()): Resolved {
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
    const next = typeof seg === 'number' ? here.node.items : here.node.properties?.[seg];
    if (!next) return undefined;
    here = resolve(next, here.docId, schemas);
  }
  return here.node;
}
