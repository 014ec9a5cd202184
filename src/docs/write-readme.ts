import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinForms } from '../forms/registry.js';
import { cliHelpSections } from './cli-reference.js';
import { fieldReference, formTable, ruleReference, summaryFieldList, withSections } from './field-reference.js';

// `npm run docs`: regenerates what docs/ shows of the code: the form table (docs/forms.md), each
// command's help (docs/cli.md), docs/fields.md from the schemas and docs/rules.md from the rules.
const root = new URL('../../', import.meta.url);
const forms = await builtinForms();
const path = (rel: string) => fileURLToPath(new URL(rel, root));
const write = (rel: string, text: string) => {
  writeFileSync(`${path(rel)}.tmp`, text);
  renameSync(`${path(rel)}.tmp`, path(rel));
};
mkdirSync(path('docs/'), { recursive: true });
write('docs/forms.md', withSections(readFileSync(path('docs/forms.md'), 'utf8'), { 'form-table': formTable(forms) }, 'docs/forms.md'));
write('docs/cli.md', withSections(readFileSync(path('docs/cli.md'), 'utf8'), await cliHelpSections(readFileSync(path('docs/cli.md'), 'utf8')), 'docs/cli.md'));
write('docs/summary.md', withSections(readFileSync(path('docs/summary.md'), 'utf8'), { 'summary-fields': summaryFieldList() }, 'docs/summary.md'));
write('docs/rules.md', ruleReference(forms));
write('docs/fields.md', fieldReference(forms));
