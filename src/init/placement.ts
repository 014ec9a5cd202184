import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { kommuneKey } from '../cross/rules.js';
import { exists, type FolderIndex } from '../util/folder-index.js';

/** Folder names a reports repository keeps its reports under. */
export const REPORT_FOLDERS = ['rapporter', 'reports'];

const isDir = (p: string) => existsSync(p) && statSync(p).isDirectory();

/**
 * Where `init` puts a new report without -o: the layout the cross-report rules expect,
 * rapporter/<kommune>/<år>-<type>.yaml, wherever in the repository the user stands: in the
 * municipality's own folder, anywhere below the reports folder (another municipality's folder
 * too: «rapporter/gjovik» for Hamar is «rapporter/hamar»), or anywhere else in the repository,
 * whose root (package.json, .git, .bosoreport.yaml) holds the reports folder.
 */
export function defaultReportPath(cwd: string, kommune: string, aar: number, type: string): string {
  const key = kommuneKey(kommune);
  const name = `${aar}-${type}.yaml`;
  if (kommuneKey(path.basename(cwd)) === key) return path.join(cwd, name);
  const root = repositoryRoot(path.join(cwd, name)) ?? cwd;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (REPORT_FOLDERS.includes(path.basename(dir).toLowerCase())) return path.join(dir, key, name);
    if (dir === root || path.dirname(dir) === dir) break;
  }
  const reports = REPORT_FOLDERS.find((f) => isDir(path.join(root, f))) ?? REPORT_FOLDERS[0]!;
  return path.join(root, reports, key, name);
}

/**
 * The repository a file belongs to: the nearest folder above it with package.json, .git or
 * .bosoreport.yaml. A batch passes its run's listing of folders: its reports share the folders above.
 */
export function repositoryRoot(file: string, folders?: FolderIndex): string | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (['package.json', '.git', '.bosoreport.yaml'].some((m) => exists(path.join(dir, m), folders))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

const slash = (p: string) => p.split(path.sep).join('/');

/**
 * The modeline's path from a new report to its editor schema, one that holds on a colleague's machine
 * once the report is committed: through the repository's own node_modules/bosoreport/schemas/, or
 * within the repository when the schema lives in it (bosoreport's own examples, a repository's form).
 * `installed` is false when that path does not resolve yet on this machine.
 */
export function modelineTarget(report: string, schemaFile: string, packageSchemas: string, cwd: string, folders?: FolderIndex): { ref: string; installed: boolean } {
  const from = path.dirname(path.resolve(report));
  // Outside any repository, the folder init runs in stands for one (where `npm install` would go).
  const root = repositoryRoot(report, folders) ?? cwd;
  const inside = (p: string) => !path.relative(root, p).startsWith('..') && !path.isAbsolute(path.relative(root, p));
  if (inside(schemaFile) && !path.relative(root, schemaFile).split(path.sep).includes('node_modules')) {
    return { ref: slash(path.relative(from, schemaFile)), installed: true };
  }
  const viaPackage = path.join(root, 'node_modules', 'bosoreport', 'schemas', path.relative(packageSchemas, schemaFile));
  return { ref: slash(path.relative(from, viaPackage)), installed: exists(viaPackage, folders) };
}
