import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DELIVERY_FIELDS, SHARED_THEMES } from '../parts/overview.js';
import { summaryThemes, type SummaryForm } from '../summary/fields.js';
import { readFormYaml } from '../forms/form-yaml.js';
import { BUILTIN_FORMS_DIR } from '../forms/registry.js';
import { ruleCatalog } from '../cross/catalog.js';
import type { FormRegistry } from '../forms/registry.js';
import { loadSchemas, resolve, type SchemaNode } from '../schema/store.js';

interface Row {
  path: string;
  title: string;
  kind: string;
  required: boolean;
  description: string;
}

function kindOf(node: SchemaNode): string {
  if (node.const !== undefined) return `\`${String(node.const)}\``;
  if (node.enum) return `én av: ${node.enum.map((v) => `\`${String(v)}\``).join(', ')}`;
  const types = ([] as string[]).concat(node.type ?? []);
  const words = types.map((type) => {
    switch (type) {
      case 'integer': {
        const min = typeof node.minimum === 'number' ? node.minimum : undefined;
        const max = typeof node.maximum === 'number' ? node.maximum : undefined;
        if (min !== undefined && max !== undefined) return `heltall ${min}–${max}`;
        if (min !== undefined) return `heltall ≥ ${min}`;
        return 'heltall';
      }
      case 'string':
        if (node.format === 'date') return 'dato (ÅÅÅÅ-MM-DD)';
        if (node.format === 'dato-eller-maaned') return 'dato (ÅÅÅÅ-MM-DD), måned (ÅÅÅÅ-MM) eller år ("ÅÅÅÅ")';
        if (node.format === 'email') return 'e-postadresse';
        if (node.format === 'uri') return 'lenke';
        return 'tekst';
      case 'null':
        return 'null (ukjent/tom)';
      case 'object':
        return 'objekt';
      case 'array':
        return 'liste';
      default:
        return type;
    }
  });
  return words.join(', ');
}

function oneLine(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Where a schema node's $ref leads, to notice a definition that contains itself (a chapter's sub-chapters). */
function refKey(node: SchemaNode | undefined, docId: string): string | undefined {
  return node?.$ref ? `${node.$ref.startsWith('#') ? docId : ''}${node.$ref}` : undefined;
}

function walk(node: SchemaNode, docId: string, path: string, required: boolean, rows: Row[], trail: readonly string[]): void {
  const here = resolve(node, docId);
  const n = here.node;
  rows.push({ path, title: oneLine(n.title), kind: kindOf(n), required, description: oneLine(n.description) });
  children(n, here.docId, path, rows, trail);
}

/** Rows for an object's fields, and for the fields of a list's items (as `liste[].felt`); a recursive definition is listed once. */
function children(n: SchemaNode, docId: string, path: string, rows: Row[], trail: readonly string[] = []): void {
  const requiredKeys = new Set(n.required ?? []);
  for (const [key, child] of Object.entries(n.properties ?? {})) {
    walk(child, docId, path ? `${path}.${key}` : key, requiredKeys.has(key), rows, trail);
  }
  if (n.items) {
    const ref = refKey(n.items, docId);
    if (ref && trail.includes(ref)) return; // the same definition again: its fields are listed above
    const item = resolve(n.items, docId);
    children(item.node, item.docId, `${path}[]`, rows, ref ? [...trail, ref] : trail);
  }
}

/** Markdown reference of every field of every form, generated from the schemas so it cannot drift. */
export function fieldReference(registry: FormRegistry): string {
  const schemas = loadSchemas();
  const out: string[] = [
    '# Fields per form',
    '',
    'Generated from the schemas by `npm run docs`; a test fails when this file and the schemas disagree.',
    "Each field's title and help text are the form's own words; editors show the same text.",
    '',
  ];
  for (const form of registry.forms) {
    const schema = schemas.get(form.schemaId)!;
    const rows: Row[] = [];
    const root = resolve(schema, form.schemaId);
    children(root.node, root.docId, '', rows);
    out.push(`### \`${form.id}\`: ${form.title.nb}`, '', oneLine(schema.description), '');
    // No link into src/: this page ships in the package, which has no sources.
    out.push(`Skjema: \`npx bosoreport schema ${form.id}\` skriver det ut; editorer bruker \`schemas/${form.schemaId}\` i pakken${form.provisional ? ' (foreløpig)' : ''}.`, '');
    out.push('| Felt | Tittel i skjemaet | Verdi | Påkrevd | Forklaring |', '| --- | --- | --- | --- | --- |');
    for (const r of rows) out.push(`| \`${r.path}\` | ${r.title} | ${r.kind} | ${r.required ? 'ja' : 'nei'} | ${r.description} |`);
    out.push('');
  }
  return out.join('\n');
}

/** Markdown reference of every rule, from the rules themselves (their codes, levels and own words). */
export function ruleReference(registry: FormRegistry): string {
  const out = [
    '# Rules',
    '',
    'Generated from the rules by `npm run docs`; a test fails when this file and the rules disagree.',
    'Every rule can be set to `off`, `warn` or `error` in `.bosoreport.yaml` (`regler:`) or with `--rule id=level`.',
    'Codes starting with E are errors by default, W warnings, X checks across the reports of a repository.',
    '',
    '| Rule id | Code | Default | Forms | What it checks | Hva den sjekker |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { rule, forms } of ruleCatalog(registry)) {
    const where = forms.length === registry.forms.length ? 'all forms' : forms.map((id) => `\`${id}\``).join(', ') || 'across reports';
    out.push(`| \`${rule.id}\` | ${rule.code} | ${rule.severity} | ${where} | ${rule.messages.en.about.replace(/\|/g, '\\|')} | ${rule.messages.nb.about.replace(/\|/g, '\\|')} |`);
  }
  return `${out.join('\n')}\n`;
}

/** The table of forms (docs/forms.md): id, name, years, how sure the model is, and what the form served. */
export function formTable(registry: FormRegistry): string {
  const out = ['| Form (`skjema:`) | Name | Years | Status | Used for, and the evidence |', '| --- | --- | --- | --- | --- |'];
  for (const f of registry.forms) {
    const status = f.provisional ? 'provisional' : 'settled';
    const old = f.aliases.length ? ` Formerly ${f.aliases.map((a) => `\`${a}\``).join(', ')}.` : '';
    out.push(`| \`${f.id}\` | ${f.title.nb} | ${f.years[0]}–${f.years[1]} | ${status} | ${oneLine(f.about)}${old} |`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * A document with each generated section (between its markers) replaced by a fresh one. Every
 * section named must have its markers, so a moved section cannot silently stop being generated.
 */
export function withSections(doc: string, sections: Record<string, string>, name = 'the document'): string {
  let text = doc;
  for (const [section, made] of Object.entries(sections)) {
    const start = `<!-- ${section}:start (generated by \`npm run docs\`; do not edit by hand) -->`;
    const end = `<!-- ${section}:end -->`;
    const a = text.indexOf(start);
    const b = text.indexOf(end);
    if (a === -1 || b === -1 || b < a) throw new Error(`${name} has no ${section} markers`);
    text = `${text.slice(0, a + start.length)}\n\n${made}\n${text.slice(b)}`;
  }
  return text;
}

/** The built-in forms' overview declarations, read from their form.yaml alone (no schema, no code). */
function builtinOverviews(): SummaryForm[] {
  return readdirSync(BUILTIN_FORMS_DIR)
    .map((name) => path.join(BUILTIN_FORMS_DIR, name, 'form.yaml'))
    .filter((file) => existsSync(file))
    .map((file) => {
      const spec = readFormYaml(file, readFileSync(file), 'en').spec;
      if (!spec) throw new Error(`${file} does not read`);
      return { id: spec.id, years: spec.years, overview: spec.overview ?? [] };
    });
}

/**
 * docs/summary.md's list of the `felt` values of `summary`'s CSV and JSON: delivery, the shared parts'
 * and what the built-in forms declare in form.yaml (`oversikt`), with the forms that have each.
 */
export function summaryFieldList(forms: readonly SummaryForm[] = builtinOverviews()): string {
  const kinds: Record<string, string> = {
    antall: 'count',
    endring: 'change (01.01 − 31.12, or December − January)',
    andel: 'share, 0–1',
    prosent: 'percent, 0–100',
    tekst: 'text',
  };
  const out = ["| `felt` | Theme | Meaning (the form's words) | Value | Forms |", '| --- | --- | --- | --- | --- |'];
  for (const f of DELIVERY_FIELDS) out.push(`| \`${f.id}\` | levering | ${f.label} | | all |`);
  for (const theme of summaryThemes(forms)) {
    const declaring = forms.filter((f) => f.overview.some((t) => t.id === theme.id)).map((f) => `\`${f.id}\``);
    // The shared parts' themes come with every form whose schema has the part.
    const shared: Record<string, string> = { [SHARED_THEMES.behov.id]: 'every form with a need table', [SHARED_THEMES.aktiviteter.id]: 'every form with an activity table' };
    const where = shared[theme.id] ?? declaring.join(', ');
    for (const f of theme.fields) out.push(`| \`${f.id}\` | ${theme.id} | ${f.label} | ${kinds[f.kind]} | ${where} |`);
  }
  return `${out.join('\n')}\n`;
}
