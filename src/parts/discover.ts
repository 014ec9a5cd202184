import { LastOne } from '../util/last-one.js';
import type { DataPath } from '../load/positions.js';
import { loadSchemas, resolve, type SchemaNode } from '../schema/store.js';
import type { Activity, CountRow, NeedRow } from './data.js';
import { NEED_ROWS } from './data.js';

/**
 * The shared parts of a report, found through its schema: wherever a form's schema uses the shared
 * definitions (`felles.schema.json#/$defs/behovsrad`, `tallrad`, `aktivitet`), bosoreport knows what
 * the value is, so it can compute and check it for any form, built in or brought by a repository.
 */
export interface ReportParts {
  needRows: { path: DataPath; row: NeedRow }[];
  /** Objects holding the rows A, B and C of the need table. */
  needTables: { path: DataPath; rows: Record<(typeof NEED_ROWS)[number], NeedRow> }[];
  countRows: { path: DataPath; row: CountRow }[];
  activityLists: { path: DataPath; activities: Activity[] }[];
}

type PartKind = 'need' | 'count' | 'activities';
/** A path through the schema to a part; '*' stands for any item of a list. */
export interface Pattern {
  kind: PartKind;
  path: (string | '*')[];
}

const SHARED = 'felles.schema.json';

/** The shared definition a $ref points at, whichever document it was written in. */
function target(ref: string, docId: string): string {
  const [file, pointer = ''] = ref.split('#');
  return `${file || docId}#${pointer}`;
}

function partOf(node: SchemaNode, docId: string): PartKind | 'activity' | undefined {
  if (node.$ref) {
    const to = target(node.$ref, docId);
    if (to === `${SHARED}#/$defs/behovsrad`) return 'need';
    if (to === `${SHARED}#/$defs/tallrad`) return 'count';
    if (to === `${SHARED}#/$defs/aktivitet`) return 'activity';
  }
  // A row built from the need row's own columns (a priority area with its name beside them) is one too.
  const first = node.properties?.status_behov_pr_0101?.$ref;
  if (first && target(first, docId) === `${SHARED}#/$defs/behovsrad/properties/status_behov_pr_0101`) return 'need';
  return undefined;
}

function walk(node: SchemaNode, docId: string, path: (string | '*')[], out: Pattern[], depth: number): void {
  if (depth > 32) return;
  const kind = partOf(node, docId);
  if (kind === 'need' || kind === 'count') {
    out.push({ kind, path });
    return;
  }
  const here = resolve(node, docId);
  const n = here.node;
  if (n.items) {
    if (partOf(n.items, here.docId) === 'activity') {
      out.push({ kind: 'activities', path });
      return;
    }
    walk(n.items, here.docId, [...path, '*'], out, depth + 1);
  }
  for (const [key, child] of Object.entries(n.properties ?? {})) walk(child, here.docId, [...path, key], out, depth + 1);
}

const patterns = new Map<string, Pattern[]>();

/** Where the parts are in a form's schema; worked out once per form. */
export function partPatterns(schemaId: string): Pattern[] {
  let found = patterns.get(schemaId);
  if (!found) {
    found = [];
    const root = loadSchemas().get(schemaId);
    if (root) walk(root, schemaId, [], found, 0);
    patterns.set(schemaId, found);
  }
  return found;
}

/** Every value at a pattern in the data, with its real path. */
function expand(data: unknown, pattern: (string | '*')[]): { path: DataPath; value: unknown }[] {
  let here: { path: (string | number)[]; value: unknown }[] = [{ path: [], value: data }];
  for (const seg of pattern) {
    const next: typeof here = [];
    for (const { path, value } of here) {
      if (seg === '*') {
        if (Array.isArray(value)) value.forEach((v, i) => next.push({ path: [...path, i], value: v }));
      } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && seg in value) {
        next.push({ path: [...path, seg], value: (value as Record<string, unknown>)[seg] });
      }
    }
    here = next;
  }
  return here;
}

const cache = new LastOne<object, ReportParts>();

/** The parts of a schema-valid report (the schema guarantees their shape). Cached per report. */
export function findParts(schemaId: string, data: unknown): ReportParts {
  const key = data as object;
  const cached = cache.get(key);
  if (cached) return cached;
  const parts: ReportParts = { needRows: [], needTables: [], countRows: [], activityLists: [] };
  const owners = new Map<string, { path: DataPath; rows: Record<string, NeedRow> }>();
  for (const p of partPatterns(schemaId)) {
    for (const { path, value } of expand(data, p.path)) {
      if (p.kind === 'need') {
        parts.needRows.push({ path, row: value as NeedRow });
        const last = path[path.length - 1];
        if ((NEED_ROWS as readonly unknown[]).includes(last)) {
          const ownerPath = path.slice(0, -1);
          const k = JSON.stringify(ownerPath);
          const owner = owners.get(k) ?? { path: ownerPath, rows: {} };
          owner.rows[last as string] = value as NeedRow;
          owners.set(k, owner);
        }
      } else if (p.kind === 'count') parts.countRows.push({ path, row: value as CountRow });
      else parts.activityLists.push({ path, activities: value as Activity[] });
    }
  }
  for (const owner of owners.values()) {
    if (NEED_ROWS.every((r) => r in owner.rows)) parts.needTables.push(owner as ReportParts['needTables'][number]);
  }
  if (key !== null && typeof key === 'object') cache.set(key, parts);
  return parts;
}
