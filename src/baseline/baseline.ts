import type { Diagnostic } from '../diagnostics.js';
import type { FileOutcome } from '../engine/types.js';

/**
 * The findings a repository has accepted, as ESLint's bulk suppressions keep them: per report file
 * (relative to the repository's root, «/» between folders) and rule, how many there may be. No line
 * numbers, so an edit elsewhere in a report does not unsettle it.
 */
export type Baseline = Record<string, Record<string, { count: number }>>;

/** Where a file's findings are keyed in a baseline; undefined for a file no baseline can hold (standard input, outside the repository). */
export type KeyOf = (file: string) => string | undefined;

/** A record without a prototype: a key read from the file («__proto__») stays a key. */
export const record = <V>() => Object.create(null) as Record<string, V>;

/** Findings about the run rather than a report's content (a missing file, a broken config) are never accepted. */
export function baselinable(d: Diagnostic): boolean {
  return !/^(io|config|usage|render)\//.test(d.ruleId);
}

const STRUCTURAL = /^(yaml|load|form|schema)\//;

/**
 * Whether a report got as far as its rules: they run only on a report that loads and fits its form,
 * so a report with a structural error has no count of their findings, neither high nor low.
 */
function rulesRan(diagnostics: readonly Diagnostic[]): boolean {
  return !diagnostics.some((d) => d.severity === 'error' && STRUCTURAL.test(d.ruleId));
}

/** Whether a rule's count in a file is known this run. */
const counted = (ruleId: string, ran: boolean) => ran || STRUCTURAL.test(ruleId);

/** An entry that allows more than is found: the baseline can be tightened (`baseline --prune`). */
export interface Loose {
  file: string;
  ruleId: string;
  allowed: number;
  found: number;
  /** The file is gone; `file` is then the baseline's key. */
  gone?: boolean;
}

export interface Applied<T extends FileOutcome> {
  /** Every file, with the findings the baseline does not cover. */
  files: T[];
  hidden: { errors: number; warnings: number };
  loose: Loose[];
}

function byRule(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const rules = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) if (baselinable(d)) rules.set(d.ruleId, [...(rules.get(d.ruleId) ?? []), d]);
  return rules;
}

/**
 * Hides what the baseline accepts. A rule's findings in a file are hidden while there are no more of
 * them than the baseline allows; once there are more, all of them are shown, since nothing tells the
 * new one from the old (ESLint does the same). Files in the baseline that are gone, and rules with
 * fewer findings than allowed, are reported as loose.
 */
export function applyBaseline<T extends FileOutcome>(files: readonly T[], baseline: Baseline, keyOf: KeyOf, exists: (key: string) => boolean): Applied<T> {
  const hidden = { errors: 0, warnings: 0 };
  const loose: Loose[] = [];
  const seen = new Set<string>();
  const kept = files.map((f) => {
    const one = hideIn(f, baseline, keyOf);
    if (one.key !== undefined) seen.add(one.key);
    hidden.errors += one.hidden.errors;
    hidden.warnings += one.hidden.warnings;
    loose.push(...one.loose);
    return one.file;
  });
  loose.push(...goneFrom(baseline, seen, exists));
  return { files: kept, hidden, loose };
}

/** `applyBaseline` for one file: the file less what its entry accepts, what was hidden, and its loose entries. */
export function hideIn<T extends FileOutcome>(f: T, baseline: Baseline, keyOf: KeyOf): { file: T; key?: string; hidden: { errors: number; warnings: number }; loose: Loose[] } {
  const hidden = { errors: 0, warnings: 0 };
  const loose: Loose[] = [];
  const key = keyOf(f.file);
  const allowed = key === undefined ? undefined : baseline[key];
  if (key === undefined || !allowed) return { file: f, hidden, loose };
  const found = byRule(f.diagnostics);
  const ran = rulesRan(f.diagnostics);
  const hide = new Set<Diagnostic>();
  for (const [ruleId, { count }] of Object.entries(allowed)) {
    const list = found.get(ruleId) ?? [];
    if (list.length > count) continue;
    if (list.length < count && counted(ruleId, ran)) loose.push({ file: f.file, ruleId, allowed: count, found: list.length });
    for (const d of list) hide.add(d);
  }
  for (const d of hide) hidden[d.severity === 'error' ? 'errors' : 'warnings']++;
  return { file: hide.size ? { ...f, diagnostics: f.diagnostics.filter((d) => !hide.has(d)) } : f, key, hidden, loose };
}

/** The entries of files that were not seen in the run and are gone. */
export function goneFrom(baseline: Baseline, seen: ReadonlySet<string>, exists: (key: string) => boolean): Loose[] {
  const loose: Loose[] = [];
  for (const [key, rules] of Object.entries(baseline)) {
    if (seen.has(key) || exists(key)) continue;
    for (const [ruleId, { count }] of Object.entries(rules)) loose.push({ file: key, ruleId, allowed: count, found: 0, gone: true });
  }
  return loose;
}

/** What a run found of the files, for the next baseline. */
export interface Counts {
  /** How many findings of each rule each file has. */
  found: Baseline;
  /** The files whose rules did not run (a structural error): their rules' entries are kept as they were. */
  unchecked: Set<string>;
}

export function countFindings(files: readonly FileOutcome[], keyOf: KeyOf): Counts {
  const found: Baseline = record();
  const unchecked = new Set<string>();
  for (const f of files) {
    const key = keyOf(f.file);
    if (key === undefined) continue;
    if (!rulesRan(f.diagnostics)) unchecked.add(key);
    for (const [ruleId, list] of byRule(f.diagnostics)) (found[key] ??= record())[ruleId] = { count: list.length };
  }
  return { found, unchecked };
}

/**
 * The baseline after a run over some files. Files that were checked get what they have now (with
 * `prune`, never more than the old entry allowed and nothing new); files that were not checked keep
 * their entries while they exist, and so do the rules of a file whose rules could not run.
 */
export function nextBaseline(old: Baseline, current: Counts, checked: ReadonlySet<string>, exists: (key: string) => boolean, prune: boolean): Baseline {
  const out: Baseline = record();
  for (const [key, rules] of Object.entries(old)) if (!checked.has(key) && exists(key)) out[key] = rules;
  for (const key of checked) {
    const now = current.found[key] ?? record();
    const ran = !current.unchecked.has(key);
    const rules: Record<string, { count: number }> = record();
    for (const [ruleId, { count }] of Object.entries(old[key] ?? {})) if (!counted(ruleId, ran)) rules[ruleId] = { count };
    for (const [ruleId, { count }] of Object.entries(now)) {
      const limit = prune ? (old[key]?.[ruleId]?.count ?? 0) : count;
      if (Math.min(count, limit) > 0) rules[ruleId] = { count: Math.min(count, limit) };
    }
    if (Object.keys(rules).length) out[key] = rules;
  }
  return sorted(out);
}

/** Keys in order, so the committed file changes only where the findings do. */
export function sorted(baseline: Baseline): Baseline {
  const out: Baseline = record();
  for (const key of Object.keys(baseline).sort()) {
    const rules: Record<string, { count: number }> = record();
    for (const ruleId of Object.keys(baseline[key]!).sort()) rules[ruleId] = { count: baseline[key]![ruleId]!.count };
    out[key] = rules;
  }
  return out;
}

/** How many findings a baseline accepts, in how many files and rules. */
export function sizeOf(baseline: Baseline): { findings: number; files: number } {
  let findings = 0;
  for (const rules of Object.values(baseline)) for (const { count } of Object.values(rules)) findings += count;
  return { findings, files: Object.keys(baseline).length };
}
