import { countBySeverity } from '../../diagnostics.js';
import type { Loose } from '../../baseline/baseline.js';
import type { FileOutcome } from './stylish.js';

export interface Count {
  files: number;
  errors: number;
  warnings: number;
}

/** What a CI run found, split the way a pull request's reviewer reads it. */
export interface Tally {
  /** Findings in the files the change touches; absent when no change was named (--changed). */
  changed?: Count;
  /** Findings in every other file (all files when no change was named). */
  other: Count;
  /** Findings the baseline accepts, not shown. */
  hidden: { errors: number; warnings: number };
  /** Baseline entries that allow more than is found. */
  loose: readonly Loose[];
}

/** What a run adds to its findings for CI: the change's files, and what the baseline did. */
export interface CiContext {
  changed?: ReadonlySet<string>;
  hidden?: { errors: number; warnings: number };
  loose?: readonly Loose[];
}

export function tallyOf(outcomes: Iterable<FileOutcome>, ci: CiContext = {}): Tally {
  const tally = tallier(ci);
  for (const o of outcomes) tally.add(o);
  return tally.result();
}

/** `tallyOf` a file at a time, for a format that reads the outcomes once. */
export function tallier(ci: CiContext = {}): { add(o: FileOutcome): void; result(): Tally } {
  const zero = (): Count => ({ files: 0, errors: 0, warnings: 0 });
  const changed = ci.changed ? zero() : undefined;
  const other = zero();
  return {
    add(o) {
      const into = changed && ci.changed!.has(o.file) ? changed : other;
      const c = countBySeverity(o.diagnostics);
      into.files++;
      into.errors += c.errors;
      into.warnings += c.warnings;
    },
    result: () => ({ ...(changed ? { changed } : {}), other, hidden: ci.hidden ?? { errors: 0, warnings: 0 }, loose: ci.loose ?? [] }),
  };
}

/** The files the change touches first, each group in the order given: their findings are what a reviewer needs to see. */
export function changedFirst<T extends FileOutcome>(outcomes: readonly T[], changed: ReadonlySet<string> | undefined): T[] {
  if (!changed) return [...outcomes];
  return [...outcomes.filter((o) => changed.has(o.file)), ...outcomes.filter((o) => !changed.has(o.file))];
}
