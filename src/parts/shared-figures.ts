import { toPointer } from '../diagnostics.js';
import { activityLines, summarizeActivities, type ActivitySummary } from './activities.js';
import { findParts } from './discover.js';
import { needTableFigures, type NeedTableFigures } from './figures.js';

/** What bosoreport computes from a form's shared parts, keyed by where they stand in the report (JSON Pointer). */
export interface SharedFigures {
  behovstabeller?: Record<string, NeedTableFigures>;
  aktivitetstabeller?: Record<string, ActivitySummary>;
}

/** The figures of every need table and activity table a report's schema holds. Pure. */
export function sharedFigures(schemaId: string, data: unknown, aar: number): SharedFigures {
  const parts = findParts(schemaId, data);
  const out: SharedFigures = {};
  if (parts.needTables.length) out.behovstabeller = Object.fromEntries(parts.needTables.map((t) => [toPointer(t.path), needTableFigures(t.rows, aar)]));
  if (parts.activityLists.length) {
    out.aktivitetstabeller = Object.fromEntries(parts.activityLists.map((l) => [toPointer(l.path), summarizeActivities(activityLines(l.activities, [...l.path]))]));
  }
  return out;
}
