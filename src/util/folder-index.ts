import { existsSync, readdirSync, statSync } from 'node:fs';
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

  /**
   * Whether something stands at `p`. Only «nothing there» counts as absent: a folder, a link that
   * leads nowhere or a file that cannot be read still stands there (a config there is broken, and
   * is reported as such).
   */
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
    return names ? names.has(fold(path.basename(p))) : standing(p);
  }
}

/** Asked without a listing (a folder that cannot be listed but can be passed through). */
function standing(p: string): boolean {
  try {
    // No exception for «nothing there»: a run over 10 000 folders would throw and catch thousands.
    return statSync(p, { throwIfNoEntry: false }) !== undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== 'ENOENT' && code !== 'ENOTDIR';
  }
}

/** `existsSync`, or the run's index when there is one. */
export function exists(p: string, index: FolderIndex | undefined): boolean {
  return index ? index.exists(p) : existsSync(p);
}
