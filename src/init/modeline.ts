import { statSync } from 'node:fs';
import path from 'node:path';
import type { Form } from '../forms/types.js';
import { SCHEMA_DIR } from '../schema/store.js';
import { modelineTarget, repositoryRoot } from './placement.js';
import type { FolderIndex } from '../util/folder-index.js';

/** A report's `# yaml-language-server: $schema=…` line: the path it names, and where that path stands. */
export interface Modeline {
  ref: string;
  /** Offsets of the path in the report's text. */
  start: number;
  end: number;
  /** 1-based line and column of the path. */
  line: number;
  col: number;
}

/**
 * The modeline, read as yaml-language-server reads it: the first comment line before the report's
 * first content that starts «# yaml-language-server:» (or «# $schema:»), and its `$schema` value.
 */
export function findModeline(text: string): Modeline | undefined {
  // Line by line from the top, without splitting the whole report: only its first comments matter.
  let offset = text.startsWith('\ufeff') ? 1 : 0;
  for (let i = 0; offset <= text.length; i++) {
    const end = text.indexOf('\n', offset);
    const raw = text.slice(offset, end === -1 ? text.length : end);
    const line = raw.replace(/\r$/, '');
    if (line.trim() !== '' && !line.startsWith('#')) return undefined;
    if (/^#\s+(?:yaml-language-server\s*:|\$schema:)/.test(line)) {
      const m = /\$schema(?:=|:[^\S\r\n]*)(\S+)/.exec(line);
      if (!m) return undefined;
      const at = m.index + m[0].length - m[1]!.length;
      return { ref: m[1]!, start: offset + at, end: offset + at + m[1]!.length, line: i + 1, col: at + 1 };
    }
    if (end === -1) return undefined;
    offset = end + 1;
  }
  return undefined;
}

/** A modeline path that names a local file (relative to the report, or absolute), not a URL or `none`. */
function localPath(ref: string): string | undefined {
  if (ref.toLowerCase() === 'none') return undefined;
  // A scheme (https:, file:) but not a Windows drive letter (C:\…).
  if (/^[a-z][a-z0-9+.-]+:/i.test(ref)) return undefined;
  return ref.split('#')[0];
}

/** The editor schema a report on this form should point at: the build's copy of a built-in form, a repository form's own file. */
export function editorSchemaFile(form: Form): string {
  return form.origin === 'builtin' ? path.join(SCHEMA_DIR, form.schemaId) : path.join(form.dir, 'schema.json');
}

/**
 * The modeline a report in a repository should have instead of its own, when its own names a local
 * file that does not exist (the report was copied or moved to another folder depth): the path
 * `init` would write there. Nothing when there is no modeline, it names a URL, it resolves, or it already is that path
 * (a repository whose `npm install` has not run yet; installing mends it, not rewriting).
 */
export function modelineRepair(report: string, text: string, form: Form, cwd: string, folders?: FolderIndex): { modeline: Modeline; target: string } | undefined {
  const modeline = findModeline(text);
  const local = modeline && localPath(modeline.ref);
  const absolute = path.resolve(cwd, report);
  // Only in a repository (package.json, .git, .bosoreport.yaml) is there one right path: through
  // its node_modules/bosoreport. A loose file has nowhere certain to point.
  // The one stat first: a modeline that resolves, the usual case, ends it before the walk up.
  if (!modeline || !local || isFile(path.resolve(path.dirname(absolute), local))) return undefined;
  if (repositoryRoot(absolute, folders) === undefined) return undefined;
  const target = modelineTarget(absolute, editorSchemaFile(form), SCHEMA_DIR, cwd, folders).ref;
  return target === modeline.ref ? undefined : { modeline, target };
}

function isFile(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // a loop of links, a path through a file
  }
}
