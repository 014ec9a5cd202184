import type { Form } from './types.js';
import type { FormRegistry } from './registry.js';
import { schemaAt } from '../schema/store.js';

/** Top-level fields every form shares: they say nothing about which form a report follows. */
const SHARED = new Set(['skjema', 'periode', 'tittel', 'forsidedato', 'forsidemerknad', 'generell_programinformasjon']);

interface Fit {
  form: Form;
  /** Form-specific sections of the report that this form has. */
  matched: string[];
  /** Required sections of the form the report does not have. */
  missing: number;
}

/**
 * The form whose sections the report's top level matches, when exactly one matches best: every
 * top-level key of the report belongs to it and at least one of them is its own. Used to say «this
 * looks like aarsrapport-2012» for a wrong `skjema:`, and to go on checking past an unknown one.
 */
export function guessForm(data: unknown, registry: FormRegistry): { form: Form; sections: string[] } | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const keys = Object.keys(data);
  const fits: Fit[] = [];
  for (const form of registry.forms) {
    const top = schemaAt(form.schemaId, []);
    const known = new Set(Object.keys(top?.properties ?? {}));
    if (!keys.every((k) => known.has(k))) continue;
    const matched = keys.filter((k) => !SHARED.has(k));
    if (matched.length === 0) continue;
    const missing = ((top?.required ?? []) as string[]).filter((k) => !keys.includes(k)).length;
    fits.push({ form, matched, missing });
  }
  fits.sort((a, b) => a.missing - b.missing);
  const [best, next] = fits;
  if (!best || (next && next.missing === best.missing)) return undefined;
  return { form: best.form, sections: best.matched };
}
