import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../load/limits.js';

export interface InputProblem {
  ruleId: 'io/not-found' | 'io/no-match' | 'io/unreadable' | 'io/too-many-files';
  path: string;
  reason?: string;
}

export interface Inputs {
  files: string[];
  problems: InputProblem[];
}

const REPORT_GLOB = '**/*.{yaml,yml}';
const SKIP = ['**/node_modules/**', '**/.git/**'];

/** A form folder's form.yaml (beside its schema.json), which a folder or pattern of reports must skip. */
function isFormSpec(file: string): boolean {
  return path.basename(file) === 'form.yaml' && existsSync(path.join(path.dirname(file), 'schema.json'));
}

/** Paths as the user sees them: relative to the working folder when inside it, with forward slashes. */
export function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(cwd, file);
  return shown.split(path.sep).join('/');
}

/**
 * Expands the command line's files, folders (every .yaml/.yml below, recursively) and quoted globs
 * into a sorted list of files. Missing paths and patterns that match nothing are problems, not silence.
 */
export async function expandInputs(args: readonly string[], cwd: string, options: { followLinks?: boolean } = {}): Promise<Inputs> {
  const files = new Set<string>();
  const problems: InputProblem[] = [];
  for (const arg of args) {
    // An empty argument (an unset variable in a script) is a mistake, not «this folder».
    if (arg.trim() === '') {
      problems.push({ ruleId: 'io/not-found', path: arg });
      continue;
    }
    const normalized = arg.split(path.sep).join('/');
    let info;
    try {
      info = statSync(path.resolve(cwd, arg));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        problems.push({ ruleId: 'io/unreadable', path: arg, reason: (error as Error).message });
        continue;
      }
    }
    if (info?.isDirectory()) {
      const { glob } = await import('tinyglobby');
      const root = path.resolve(cwd, arg);
      try {
        // The glob finds nothing in a folder it may not read; say why instead of «no report files».
        readdirSync(root);
      } catch (error) {
        problems.push({ ruleId: 'io/unreadable', path: arg, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
        continue;
      }
      // A form folder a repository keeps beside its reports holds a form.yaml, which is not a report.
      const found = (await glob(REPORT_GLOB, { cwd: root, ignore: SKIP, onlyFiles: true, dot: false, followSymbolicLinks: options.followLinks ?? true })).filter(
        (f) => !isFormSpec(path.join(root, f)),
      );
      if (found.length === 0) problems.push({ ruleId: 'io/no-match', path: arg });
      for (const f of found) files.add(display(cwd, path.join(path.resolve(cwd, arg), f)));
    } else if (info) {
      files.add(display(cwd, arg));
    } else if ((await import('tinyglobby')).isDynamicPattern(normalized)) {
      const { glob } = await import('tinyglobby');
      const found = (await glob(normalized, { cwd, ignore: SKIP, onlyFiles: true, expandDirectories: false })).filter((f) => !isFormSpec(path.resolve(cwd, f)));
      if (found.length === 0) problems.push({ ruleId: 'io/no-match', path: arg });
      for (const f of found) files.add(display(cwd, f));
    } else {
      problems.push({ ruleId: 'io/not-found', path: arg });
    }
  }
  if (files.size > LIMITS.maxFiles) {
    // Refuse before reading anything: a run over a whole disk is a mistake, not a batch.
    return { files: [], problems: [...problems, { ruleId: 'io/too-many-files', path: args.join(' '), reason: String(files.size) }] };
  }
  return { files: [...files].sort(), problems };
}
