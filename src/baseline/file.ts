import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FileOutcome } from '../engine/types.js';
import { display, STDIN_NAME } from '../engine/index.js';
import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { t, type Lang } from '../messages/index.js';
import { writeAtomic } from '../render/write.js';
import { applyBaseline, record, sorted, type Applied, type Baseline, type Loose } from './baseline.js';

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
export function byRepository<T extends { file: string }>(files: readonly T[], cwd: string): RepositoryFiles<T>[] {
  const rootOfDir = new Map<string, string>();
  const rootOf = (dir: string): string => {
    const known = rootOfDir.get(dir);
    if (known) return known;
    const parent = path.dirname(dir);
    const root = ROOT_MARKERS.some((m) => existsSync(path.join(dir, m))) ? dir : parent === dir ? path.resolve(cwd) : rootOf(parent);
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

export interface BaselineResult<T extends FileOutcome> extends Applied<T> {
  /** The baseline files that were read, as shown. */
  used: string[];
}

/** Every file's findings less what its repository's baseline accepts, in the order given. */
export function withoutBaselined<T extends FileOutcome>(files: readonly T[], cwd: string, lang: Lang): BaselineResult<T> {
  const result: BaselineResult<T> = { files: [...files], hidden: { errors: 0, warnings: 0 }, loose: [], used: [] };
  const at = new Map(files.map((f, i) => [f, i]));
  for (const repo of byRepository(files, cwd)) {
    const baseline = readBaseline(repo.root, repo.shown, lang);
    if (!baseline) continue;
    result.used.push(repo.shown);
    const applied = applyBaseline(repo.files, baseline, repo.keyOf, (key) => existsSync(path.join(repo.root, key)));
    applied.files.forEach((f, i) => (result.files[at.get(repo.files[i]!)!] = f));
    result.hidden.errors += applied.hidden.errors;
    result.hidden.warnings += applied.hidden.warnings;
    // Entries of files that are gone are named from the working folder, as the other files are.
    result.loose.push(...applied.loose.map((l): Loose => (l.gone ? { ...l, file: display(cwd, path.join(repo.root, l.file)) } : l)));
  }
  return result;
}
