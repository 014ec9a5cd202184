import { readdirSync, realpathSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics.js';
import { words, type Lang, type MessageCode } from '../messages/index.js';
import type { Rule } from '../rules/types.js';
import { BUNDLED_FORM_CODE, BUNDLED_FORM_SPECS } from './builtin-code.js';
import { FORM_FILES, loadFormFolder } from './folder.js';
import type { Form } from './types.js';

/**
 * The built-in form folders: every folder beside this module that holds a form.yaml (src/forms/ when
 * run from source, dist/forms/ when built; the bundle in dist/cli/ finds dist/forms/ the same way).
 */
export const BUILTIN_FORMS_DIR = fileURLToPath(new URL('../forms/', import.meta.url));

/** The forms known for a report: the built-in ones and those its repository's config names. */
export class FormRegistry {
  private readonly byId: Map<string, Form>;

  constructor(readonly forms: readonly Form[]) {
    this.byId = new Map(forms.map((f) => [f.id, f]));
  }

  find(id: string): Form | undefined {
    return this.byId.get(id);
  }

  /** The form that used to have this id (a renamed form keeps accepting its old one). */
  findByAlias(id: string): Form | undefined {
    return this.forms.find((f) => f.aliases.includes(id));
  }

  get ids(): string[] {
    return this.forms.map((f) => f.id);
  }

  /** Every rule of every form, once each (the shared ones are every form's). */
  rules(): Rule[] {
    return [...new Map(this.forms.flatMap((f) => f.rules).map((r) => [r.id, r])).values()];
  }

  formsOfRule(id: string): string[] {
    return this.forms.filter((f) => f.rules.some((r) => r.id === id)).map((f) => f.id);
  }

  /** The report types («aarsrapport», «halvaarsrapport» …), for telling file names apart. */
  types(): string[] {
    return [...new Set(this.forms.flatMap((f) => [f.type, ...Object.values(f.variants?.values ?? {}).map((v) => v.type)]))];
  }
}

/** Oldest form first, as users meet them in time. */
const byYears = (a: Form, b: Form) => a.years[0] - b.years[0] || a.years[1] - b.years[1] || a.id.localeCompare(b.id);

let builtin: Promise<FormRegistry> | undefined;

/** The forms that come with bosoreport, loaded once per process. A broken one is a bug in bosoreport, so it throws. */
export function builtinForms(): Promise<FormRegistry> {
  builtin ??= (async () => {
    const dirs = readdirSync(BUILTIN_FORMS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(path.join(BUILTIN_FORMS_DIR, d.name, FORM_FILES.spec)))
      .map((d) => d.name)
      .sort();
    const forms: Form[] = [];
    for (const name of dirs) {
      const loaded = await loadFormFolder(path.join(BUILTIN_FORMS_DIR, name), 'builtin', 'en', BUNDLED_FORM_CODE?.[name], BUNDLED_FORM_SPECS?.[name]);
      if (!loaded.form) throw new Error(`built-in form ${name} is broken: ${loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.col} ${d.message}`).join('; ')}`);
      forms.push(loaded.form);
    }
    return new FormRegistry(forms.sort(byYears));
  })();
  return builtin;
}

/** A form folder a config names, and where it names it (for pointing at the config line). */
export interface FormReference {
  dir: string;
  configFile: string;
  span: Span;
}

const loadedFolders = new Map<string, ReturnType<typeof loadFormFolder>>();

/**
 * The built-in forms plus the folders a config names. Problems (a folder that is not there or is
 * broken, an id or rule that clashes with another) come back as diagnostics with positions; the
 * registry then holds only the forms that loaded cleanly.
 */
export async function withRepositoryForms(refs: readonly FormReference[], lang: Lang): Promise<{ registry: FormRegistry; diagnostics: Diagnostic[] }> {
  const base = await builtinForms();
  if (refs.length === 0) return { registry: base, diagnostics: [] };
  const forms = [...base.forms];
  const diagnostics: Diagnostic[] = [];
  const at = (ref: FormReference, code: MessageCode, params: Record<string, string | number>) =>
    diagnostic(ref.configFile, ref.span, 'error', 'config/invalid', words(lang, code, params));
  // Each folder once per config, however it is written («x», «./x/», a symlink to it).
  const listed = new Map<string, FormReference>();
  for (const ref of refs) {
    let real: string;
    try {
      real = realpathSync(ref.dir);
    } catch {
      diagnostics.push(at(ref, 'config/form-not-found', { dir: ref.dir }));
      continue;
    }
    const first = listed.get(real);
    if (first) {
      diagnostics.push(at(ref, 'config/form-twice', { dir: ref.dir, line: first.span.line }));
      continue;
    }
    listed.set(real, ref);
    // One folder named by several configs is loaded once.
    let loading = loadedFolders.get(real);
    if (!loading) loadedFolders.set(real, (loading = loadFormFolder(real, 'repository', lang)));
    let loaded: Awaited<typeof loading>;
    try {
      loaded = await loading;
    } catch (error) {
      // Whatever a repository's folder holds is the repository's problem to fix, never «Internal error».
      diagnostics.push(at(ref, 'config/form-failed', { dir: ref.dir, detail: (error as Error)?.message?.split('\n')[0] ?? String(error) }));
      continue;
    }
    if (!loaded.form) {
      diagnostics.push(at(ref, 'config/form-broken', { dir: ref.dir }), ...loaded.diagnostics);
      continue;
    }
    const form = loaded.form;
    const clash = forms.find((f) => f.id === form.id || f.aliases.includes(form.id) || form.aliases.includes(f.id));
    if (clash && clash !== form) {
      diagnostics.push(at(ref, 'config/form-clash', { id: form.id, other: clash.dir }));
      continue;
    }
    const known = new Map(forms.flatMap((f) => f.rules).map((r) => [r.id, r]));
    const codes = new Map(forms.flatMap((f) => f.rules).map((r) => [r.code, r]));
    const own = form.rules.filter((r) => known.get(r.id) !== r);
    const bad = own.find((r) => known.has(r.id) || (codes.has(r.code) && codes.get(r.code) !== r));
    if (bad) {
      diagnostics.push(at(ref, 'config/rule-clash', { id: bad.id, code: bad.code }));
      continue;
    }
    if (!clash) forms.push(form);
  }
  return { registry: new FormRegistry(forms.sort(byYears)), diagnostics };
}
