import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { diagnostic, FILE_START, type Diagnostic, type Span } from '../diagnostics.js';
import { words, type Lang } from '../messages/index.js';
import type { Rule } from '../rules/types.js';
import type { FormModule } from './types.js';
import { childProcess } from '../util/child-process.js';

/**
 * Loads a form's code. In the bundle (CommonJS) `require` loads an ES module synchronously, as Node
 * does from 20.19; elsewhere `import()`. A module that throws while loading is returned as an error.
 */
export async function importModule(file: string): Promise<{ exports: Record<string, unknown> } | { error: unknown }> {
  try {
    // The bundle is CommonJS (its import.meta.url is defined as the .cjs file's URL).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle has no import()
    if (import.meta.url.endsWith('.cjs')) return { exports: require(file) as Record<string, unknown> };
    return { exports: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
  } catch (error) {
    return { error };
  }
}

/** Where in the file a load error points: from the stack, or for a syntax error from `node --check`. */
function errorSpan(file: string, error: unknown): Span {
  const url = pathToFileURL(file).href;
  const text = error instanceof Error ? `${error.stack ?? ''}` : '';
  const at = new RegExp(`(?:${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}):(\\d+)(?::(\\d+))?`).exec(text);
  if (at) {
    const line = Number(at[1]);
    const col = Number(at[2] ?? 1);
    return { line, col, endLine: line, endCol: col + 1 };
  }
  if (error instanceof SyntaxError) {
    // Node names the line of a syntax error only on stderr of its own check; asked only on this error path.
    const check = childProcess().spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
    const m = /:(\d+)\r?\n(.*)\r?\n(\s*)\^/.exec(check.stderr);
    if (m) {
      const line = Number(m[1]);
      const col = m[3]!.length + 1;
      return { line, col, endLine: line, endCol: col + 1 };
    }
  }
  return FILE_START;
}

export function moduleProblem(file: string, error: unknown, lang: Lang): Diagnostic {
  const detail = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  return diagnostic(file, errorSpan(file, error), 'error', 'form-folder/broken', words(lang, 'form-folder/code-throws', { detail, file: path.basename(file) }));
}

const isFunction = (v: unknown): v is (...args: never[]) => unknown => typeof v === 'function';

/** Checks that a rule declares what every rule must: id, code, level, words in both languages, a check. */
function ruleProblem(rule: unknown): string | undefined {
  const r = rule as Partial<Rule> | null;
  if (!r || typeof r !== 'object') return 'is not an object';
  if (typeof r.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(r.id)) return 'has no id of lowercase letters, digits and hyphens';
  if (r.severity !== 'error' && r.severity !== 'warning') return `${r.id}: severity must be "error" or "warning"`;
  if (typeof r.code !== 'string' || !/^[EW][A-Za-z0-9-]+$/.test(r.code)) return `${r.id}: code must be E… (an error) or W… (a warning), for example "E101"`;
  if (r.code.startsWith('E') !== (r.severity === 'error')) return `${r.id}: a code starting with E is for an error, W for a warning`;
  if (!isFunction(r.check)) return `${r.id}: check must be a function`;
  for (const lang of ['nb', 'en'] as const) {
    const w = r.messages?.[lang];
    if (!w || !isFunction(w.message) || typeof w.about !== 'string' || (w.hint !== undefined && !isFunction(w.hint))) {
      return `${r.id}: messages.${lang} needs message (a function), about (a text) and optionally hint (a function)`;
    }
  }
  if (r.messages?.nn !== undefined && !isFunction(r.messages.nn.message)) return `${r.id}: messages.nn needs message (a function), like messages.nb`;
  return undefined;
}

/**
 * The form code's exports as a module: named exports (derive, rules, figureTable, view) or one object
 * exported as `form` or default. Anything of the wrong kind is reported, not run.
 */
export function checkModule(file: string, exports: Record<string, unknown>, lang: Lang): { module?: FormModule; diagnostics: Diagnostic[] } {
  const source = (exports.form ?? exports.default ?? exports) as Record<string, unknown>;
  const problems: string[] = [];
  for (const name of ['derive', 'figureTable', 'view']) if (source[name] !== undefined && !isFunction(source[name])) problems.push(`${name} must be a function`);
  if (source.rules !== undefined) {
    if (!Array.isArray(source.rules)) problems.push('rules must be a list');
    else
      for (const rule of source.rules) {
        const p = ruleProblem(rule);
        if (p) problems.push(`rule ${p}`);
      }
  }
  if (problems.length)
    return {
      diagnostics: problems.map((detail) =>
        diagnostic(file, FILE_START, 'error', 'form-folder/broken', words(lang, 'form-folder/bad-code', { detail, file: path.basename(file) })),
      ),
    };
  const module = source as FormModule;
  // A repository form may have no nynorsk words: its nynorsk readers get its bokmål ones.
  const rules = module.rules?.map((r) => (r.messages.nn ? r : { ...r, messages: { ...r.messages, nn: r.messages.nb } }));
  return { module: rules ? { ...module, rules } : module, diagnostics: [] };
}
