import { toPointer } from '../diagnostics.js';
import type { DataPath } from '../load/positions.js';
import { activityLines, summarizeActivities, type ActivitySummary } from './activities.js';
import { findParts } from './discover.js';
import { needTableFigures, type NeedTableFigures } from './figures.js';
import type { PeriodFacts } from './period.js';

/** What bosoreport computes from a form's shared parts, keyed by where they stand in the report (JSON Pointer). */
export interface SharedFigures {
  behovstabeller?: Record<string, NeedTableFigures>;
  aktivitetstabeller?: Record<string, ActivitySummary>;
}

/** Every form's figures: the period and the shared parts', under these names; a form's own figures sit beside them. */
export interface CommonFigures extends SharedFigures {
  periode: PeriodFacts;
}

/** The names in `beregnet` bosoreport owns: a form's own derive may not return one of them. */
export const SHARED_FIGURE_KEYS = ['periode', 'behovstabeller', 'aktivitetstabeller'] as const;

/**
 * The figures of every need table and activity table a report's schema holds. A need table's 01.01
 * is that of the period's first year, so a report over the programme period (from programstart)
 * compares the programme's first 01.01 with the last 31.12. Pure.
 */
export function sharedFigures(schemaId: string, data: unknown, periode: PeriodFacts): SharedFigures {
  const parts = findParts(schemaId, data);
  const out: SharedFigures = {};
  const firstYear = periode.fra ? Number(periode.fra.slice(0, 4)) : periode.aar;
  if (parts.needTables.length) out.behovstabeller = Object.fromEntries(parts.needTables.map((t) => [toPointer(t.path), needTableFigures(t.rows, periode.aar, firstYear)]));
  if (parts.activityLists.length) {
    out.aktivitetstabeller = Object.fromEntries(parts.activityLists.map((l) => [toPointer(l.path), summarizeActivities(activityLines(l.activities, [...l.path]))]));
  }
  return out;
}

/**
 * The table a form means when it speaks of «the» one: the one at `at` (form.yaml's `fakta.behov`
 * for the need table), else the only one. Undefined when there is none, or several and no choice.
 */
export function mainTable<T>(tables: Readonly<Record<string, T>> | undefined, at?: DataPath): { pointer: string; figures: T } | undefined {
  if (!tables) return undefined;
  const pointer = at ? toPointer(at) : Object.keys(tables).length === 1 ? Object.keys(tables)[0]! : undefined;
  const figures = pointer === undefined ? undefined : tables[pointer];
  return figures ? { pointer: pointer!, figures } : undefined;
}
