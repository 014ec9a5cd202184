import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Names compare as the file system compares them: without case on Windows and macOS (their default). */
const fold = process.platform === 'win32' || process.platform === 'darwin' ? (name: string) => name.toLowerCase() : (name: string) => name;

/**
 * What a run has found in each folder, listed once. A batch looks for the same few names (a
 * config, package.json, .git, a baseline) in every report's folder and every folder above it, for
 * three purposes (the config in force, the modeline's repository, the baseline's): one listing per
 * folder instead of up to ten lookups, which were 11 % of a run over 10 000 folders. One index per
 * run, never kept past it, so a long-running preview sees a file created since. A folder that cannot
 * be listed is asked name by name.
 */
export class FolderIndex {
  private readonly listed = new Map<string, Set<string> | null>();

  /** Whether `p` is there (a link counts by its name, even one that leads nowhere). */
  exists(p: string): boolean {
    const dir = path.dirname(p);
    let names = this.listed.get(dir);
    if (names === undefined) {
      try {
        names = new Set(readdirSync(dir).map(fold));
      } catch {
        names = null;
      }
      this.listed.set(dir, names);
    }
    return names ? names.has(fold(path.basename(p))) : existsSync(p);
  }
}

/** `existsSync`, or the run's index when there is one. */
export function exists(p: string, index: FolderIndex | undefined): boolean {
  return index ? index.exists(p) : existsSync(p);
}
