import { loadSchemas, type SchemaNode } from './store.js';

const SHARED = 'felles.schema.json';

function rewrite(node: unknown, fix: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, fix));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? fix(v) : rewrite(v, fix)]));
  }
  return node;
}

/**
 * One form's schema as a single self-contained document: the shared $defs copied in under
 * `felles_<name>` and every reference made local, for `bosoreport schema` and editors that do not
 * follow references between files.
 */
export function bundledSchema(schemaFile: string): SchemaNode {
  const schemas = loadSchemas();
  const form = schemas.get(schemaFile)!;
  const shared = schemas.get(SHARED)!;
  const local = (ref: string) => ref.replace(/^#\/\$defs\/([^/]+)/, '#/$defs/felles_$1');
  const sharedDefs = Object.fromEntries(Object.entries((shared.$defs ?? {}) as Record<string, unknown>).map(([name, def]) => [`felles_${name}`, rewrite(def, local)]));
  const bundled = rewrite(form, (ref) => (ref.startsWith(`${SHARED}#`) ? local(ref.slice(SHARED.length)) : ref)) as SchemaNode;
  return { ...bundled, $defs: { ...((bundled.$defs as object) ?? {}), ...sharedDefs } };
}
