import { realpathSync } from 'node:fs';
import path from 'node:path';
import { expandInputs } from './inputs.js';

/** Folder names that hold a repository's reports (`init` writes `rapporter/<kommune>/<år>-<type>.yaml`). */
const REPORT_FOLDERS = ['rapporter', 'reports'];

/**
 * The reports repository a report belongs to, for the checks across reports: the `rapporter/` folder
 * above it if there is one (so drafts or archives beside it are not taken for copies, and a config in
 * a sub-folder does not narrow it), else the folder of the `.bosoreport.yaml` in force for it. None for
 * a report in neither: it is held only against the other reports given.
 */
export function repositoryRoot(file: string, configFolder: string | undefined): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (REPORT_FOLDERS.includes(path.basename(dir))) return dir;
    if (path.dirname(dir) === dir) return configFolder;
  }
}

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * Every report below the repository folders that is not one of the inputs (compared by real path, so
 * a report is never its own copy through a link), as paths shown against `cwd`. Links to folders are
 * not followed. A folder that cannot be listed, or holds more files than a run may check, adds none.
 */
export async function neighboursOf(roots: ReadonlySet<string>, inputs: readonly string[], cwd: string): Promise<string[]> {
  if (roots.size === 0) return [];
  const given = new Set(inputs.map((f) => real(path.resolve(cwd, f))));
  const out = new Map<string, string>();
  for (const root of roots) {
    const found = await expandInputs([root], cwd, { followLinks: false });
    if (found.problems.length > 0) continue;
    for (const f of found.files) {
      const at = real(path.resolve(cwd, f));
      if (!given.has(at) && !out.has(at)) out.set(at, f);
    }
  }
  return [...out.values()].sort();
}

/**
 * Whether a report's text may name one of the municipalities (given as kommune keys): a superset
 * test, so a report of another municipality may pass, but one that names these never fails. The
 * key's words are looked for as words, in order, with æ, ø and å spelt as keys spell them and any
 * other accented letter («é», Sami «á», «š») standing for the plain letter it folds to. Text written
 * with combining accents (NFD) is folded as the keys are. A name written with YAML escapes
 * ("Gj\u00f8vik") is not recognised; the run over the whole repository still compares it.
 */
export function mentionsAny(text: string, keys: readonly string[]): boolean {
  let lower = text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'aa');
  if (/[\u0300-\u036f]/.test(lower)) lower = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return keys.some((key) => municipalityPattern(key).test(lower));
}

const LETTER = 'a-z0-9\\u00e0-\\u024f';
const patterns = new Map<string, RegExp>();
function municipalityPattern(key: string): RegExp {
  let pattern = patterns.get(key);
  if (!pattern) {
    const word = (w: string) => [...w].map((c) => (/[a-z]/.test(c) ? `[${c}\\u00e0-\\u024f]` : c)).join('');
    pattern = new RegExp(`(?<![${LETTER}])${key.split('_').map(word).join(`[^${LETTER}]+`)}(?![${LETTER}])`);
    patterns.set(key, pattern);
  }
  return pattern;
}
