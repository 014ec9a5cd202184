import { cpSync, existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Build step after tsc: copies each built-in form folder's data files (form.yaml, schema.json,
// template.hbs, partials/, and for import its own lines and their map) next to its compiled code in dist/forms/, so a form is one folder in the
// source and one folder when built; then writes each built-in form's editor copy of its schema
// (self-contained, with Norwegian editor messages) to schemas/<id>.schema.json, the path the
// examples' and init's modelines use, and schemas/rapport.schema.json, which `init --repo` maps reports to.
const root = fileURLToPath(new URL('../../', import.meta.url));
const from = path.join(root, 'src', 'forms');
const to = path.join(root, 'dist', 'forms');
// A form folder renamed or removed in src/ must not live on in dist/ (tsc never deletes output).
for (const entry of existsSync(to) ? readdirSync(to, { withFileTypes: true }) : []) {
  if (entry.isDirectory() && !existsSync(path.join(from, entry.name))) rmSync(path.join(to, entry.name), { recursive: true, force: true });
}
for (const entry of readdirSync(from, { withFileTypes: true })) {
  if (!entry.isDirectory() || !existsSync(path.join(from, entry.name, 'form.yaml'))) continue;
  for (const name of ['form.yaml', 'schema.json', 'template.hbs', 'partials', 'skjematekst.txt', 'innlesing.yaml']) {
    const source = path.join(from, entry.name, name);
    if (existsSync(source)) cpSync(source, path.join(to, entry.name, name), { recursive: true });
  }
}

const { builtinForms } = await import('../forms/registry.js');
const { bundledSchema } = await import('../schema/bundle.js');
const { editorSchema } = await import('../schema/editor.js');
const builtin = (await builtinForms()).forms;
for (const form of builtin) {
  // Under the form's old ids too, so that modelines written before a rename keep their help.
  for (const name of [form.schemaId, ...form.aliases.map((a) => `${a}.schema.json`)]) {
    const target = path.join(root, 'schemas', name);
    writeFileSync(`${target}.tmp`, `${JSON.stringify(editorSchema(bundledSchema(form.schemaId)), null, 2)}\n`);
    renameSync(`${target}.tmp`, target);
  }
}

// One schema for every report, which follows the report's `skjema:` (what `init --repo` maps reports to).
const { REPORT_SCHEMA_ID, reportDispatchSchema } = await import('../schema/editor-dispatch.js');
const dispatch = path.join(root, 'schemas', REPORT_SCHEMA_ID);
writeFileSync(`${dispatch}.tmp`, `${JSON.stringify(reportDispatchSchema(builtin), null, 2)}\n`);
renameSync(`${dispatch}.tmp`, dispatch);

// form.yaml's schema, as the editor copy a form author's modeline points at (bosoreport validates
// with the schema in src/forms/form-yaml.ts, compiled with the forms' by precompile.ts).
const { FORM_SCHEMA, FORM_SCHEMA_ID } = await import('../forms/form-yaml.js');
const target = path.join(root, 'schemas', FORM_SCHEMA_ID);
writeFileSync(`${target}.tmp`, `${JSON.stringify(editorSchema(FORM_SCHEMA), null, 2)}\n`);
renameSync(`${target}.tmp`, target);
