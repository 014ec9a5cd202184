import { cpSync, readdirSync, existsSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Build step after tsc: copies each built-in form folder's data files (form.yaml, schema.json,
// template.hbs, partials/) next to its compiled code in dist/forms/, so a form is one folder in the
// source and one folder when built; then writes each built-in form's schema, self-contained, to
// schemas/<id>.schema.json for editors (the path the examples' and init's modelines use).
const root = fileURLToPath(new URL('../../', import.meta.url));
const from = path.join(root, 'src', 'forms');
const to = path.join(root, 'dist', 'forms');
for (const entry of readdirSync(from, { withFileTypes: true })) {
  if (!entry.isDirectory() || !existsSync(path.join(from, entry.name, 'form.yaml'))) continue;
  for (const name of ['form.yaml', 'schema.json', 'template.hbs', 'partials']) {
    const source = path.join(from, entry.name, name);
    if (existsSync(source)) cpSync(source, path.join(to, entry.name, name), { recursive: true });
  }
}

const { builtinForms } = await import('../forms/registry.js');
const { bundledSchema } = await import('../schema/bundle.js');
for (const form of (await builtinForms()).forms) {
  const target = path.join(root, 'schemas', form.schemaId);
  writeFileSync(`${target}.tmp`, `${JSON.stringify(bundledSchema(form.schemaId), null, 2)}\n`);
  renameSync(`${target}.tmp`, target);
}
