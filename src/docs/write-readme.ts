import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinForms } from '../forms/registry.js';
import { fieldReference, ruleReference, withGeneratedSections } from './field-reference.js';

// `npm run docs`: regenerates the README's form table, docs/fields.md from the schemas and docs/rules.md from the rules.
const root = new URL('../../', import.meta.url);
const forms = await builtinForms();
const write = (rel: string, text: string) => {
  const file = fileURLToPath(new URL(rel, root));
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
};
const readmePath = fileURLToPath(new URL('README.md', root));
write('README.md', withGeneratedSections(readFileSync(readmePath, 'utf8'), forms));
mkdirSync(fileURLToPath(new URL('docs/', root)), { recursive: true });
write('docs/rules.md', ruleReference(forms));
write('docs/fields.md', fieldReference(forms));
