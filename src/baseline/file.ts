import { existsSync, readFileSync } from 'node:fs';
import { exists, type FolderIndex } from '../util/folder-index.js';
import path from 'node:path';
import type { FileOutcome } from '../engine/types.js';
import { display, STDIN_NAME } from '../engine/index.js';
import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { t, type Lang } from '../messages/index.js';
import { writeAtomic } from '../render/write.js';
import { goneFrom, hideIn, record, sorted, type Baseline, type Loose } from './baseline.js';

/** The baseline's file, committed at the repository's root beside `.bosoreport.yaml`. */
export const BASELINE_FILE = '.bosoreport-baseline.json';

/** What marks a repository's root, as `init` finds it: its config, package.json or .git (and the baseline itself). */
const ROOT_MARKERS = [BASELINE_FILE, '.bosoreport.yaml', '.bosoreport.yml', 'package.json', '.git'];

/** The largest baseline read: far more than any repository's accepted findings. */
const MAX_BYTES = 16 * 1024 * 1024;

/** The files of one repository in a run, with the baseline kept at its root. */
export interface RepositoryFiles<T> {
  root: string;
  /** Where the baseline is, as shown to the user. */
  shown: string;
  files: T[];
  keyOf: (file: string) => string | undefined;
}

/**
 * The checked files by repository: the nearest folder above each report with a root marker, or the
 * working folder for a report in none. Standard input belongs to no repository's baseline.
 */
export function byRepository<T extends { file: string }>(files: readonly T[], cwd: string, folders?: FolderIndex): RepositoryFiles<T>[] {
  const rootOfDir = new Map<string, string>();
  const rootOf = (dir: string): string => {
    const known = rootOfDir.get(dir);
    if (known) return known;
    const parent = path.dirname(dir);
    const root = ROOT_MARKERS.some((m) => exists(path.join(dir, m), folders)) ? dir : parent === dir ? path.resolve(cwd) : rootOf(parent);
    rootOfDir.set(dir, root);
    return root;
  };
  const groups = new Map<string, RepositoryFiles<T>>();
  for (const f of files) {
    if (f.file === STDIN_NAME) continue;
    const root = rootOf(path.dirname(path.resolve(cwd, f.file)));
    let group = groups.get(root);
    if (!group) {
      const keyOf = (file: string) => {
        const rel = path.relative(root, path.resolve(cwd, file));
        return file === STDIN_NAME || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
      };
      groups.set(root, (group = { root, shown: display(cwd, path.join(root, BASELINE_FILE)), files: [], keyOf }));
    }
    group.files.push(f);
  }
  return [...groups.values()];
}

/** A committed baseline, checked for shape; none is an empty one. A broken file is a usage error (exit 2), never silently ignored. */
export function readBaseline(root: string, shown: string, lang: Lang): Baseline | undefined {
  const file = path.join(root, BASELINE_FILE);
  let text: string;
  try {
    if (!existsSync(file)) return undefined;
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BosoreportError(t(lang, 'baseline/unreadable', { file: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), EXIT_USAGE);
  }
  const broken = (reason: string) => new BosoreportError(t(lang, 'baseline/unreadable', { file: shown, reason }), EXIT_USAGE);
  if (text.length > MAX_BYTES) throw broken(t(lang, 'baseline/too-large'));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw broken((error as Error).message);
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(data)) throw broken(t(lang, 'baseline/shape', { where: '/' }));
  const out: Baseline = record();
  for (const [key, rules] of Object.entries(data)) {
    if (!isObject(rules)) throw broken(t(lang, 'baseline/shape', { where: key }));
    out[key] = record();
    for (const [ruleId, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) throw broken(t(lang, 'baseline/shape', { where: `${key} → ${ruleId}` }));
      out[key][ruleId] = { count };
    }
  }
  return out;
}

export async function writeBaseline(root: string, baseline: Baseline): Promise<void> {
  await writeAtomic(path.join(root, BASELINE_FILE), serialise(baseline));
}

/** The file's text: sorted keys, two spaces, a final newline, so a change shows as a small diff. */
export function serialise(baseline: Baseline): string {
  return `${JSON.stringify(sorted(baseline), null, 2)}\n`;
}

/** What the baselines did in a run: findings hidden, entries that allow more than is found, and the files read. */
export interface BaselineResult {
  hidden: { errors: number; warnings: number };
  loose: Loose[];
  /** The baseline files that were read, as shown. */
  used: string[];
}

/**
 * Each file's findings less what its repository's baseline accepts, a file at a time. Every baseline
 * the files need is read at the start, so a broken one stops the run before anything is shown.
 */
export class BaselineFilter {
  private readonly repos: { repo: RepositoryFiles<{ file: string }>; baseline: Baseline; seen: Set<string>; loose: Loose[] }[] = [];
  private readonly byFile = new Map<string, BaselineFilter['repos'][number]>();
  private readonly hidden = { errors: 0, warnings: 0 };

  constructor(
    files: readonly string[],
    private readonly cwd: string,
    lang: Lang,
    folders?: FolderIndex,
  ) {
    for (const repo of byRepository(
      files.map((file) => ({ file })),
      cwd,
      folders,
    )) {
      const baseline = readBaseline(repo.root, repo.shown, lang);
      if (!baseline) continue;
      const entry = { repo, baseline, seen: new Set<string>(), loose: [] };
      this.repos.push(entry);
      for (const f of repo.files) this.byFile.set(f.file, entry);
    }
  }

  /** Starts counting what is hidden and loose afresh, for a read of every file. */
  restart(): void {
    this.hidden.errors = this.hidden.warnings = 0;
    for (const entry of this.repos) {
      entry.seen.clear();
      entry.loose.length = 0;
    }
  }

  /** The file less what its baseline accepts; `count` notes what was hidden and loose (once per file after `restart`). */
  apply<T extends FileOutcome>(f: T, count: boolean): T {
    const entry = this.byFile.get(f.file);
    if (!entry) return f;
    const one = hideIn(f, entry.baseline, entry.repo.keyOf);
    if (count) {
      if (one.key !== undefined) entry.seen.add(one.key);
      this.hidden.errors += one.hidden.errors;
      this.hidden.warnings += one.hidden.warnings;
      entry.loose.push(...one.loose);
    }
    return one.file;
  }

  /** What the baselines did, once every file has been counted; entries of files that are gone are named from the working folder. */
  result(): BaselineResult {
    const loose: Loose[] = [];
    for (const { repo, baseline, seen, loose: found } of this.repos) {
      const gone = goneFrom(baseline, seen, (key) => existsSync(path.join(repo.root, key)));
      loose.push(...found, ...gone.map((l): Loose => ({ ...l, file: display(this.cwd, path.join(repo.root, l.file)) })));
    }
    return { hidden: { ...this.hidden }, loose, used: this.repos.map((r) => r.repo.shown) };
  }
}
