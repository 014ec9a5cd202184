import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinForms } from '../forms/registry.js';
import { formFigures } from '../figures/forms.js';
import { computeSchemaText } from '../figures/schema.js';

// Build step (npm run build): writes schemas/beregning.schema.json, the shape `compute --json`
// prints, from the shared figures' schema (src/parts/figures-schema.ts) and each built-in form's
// beregnet.schema.json. test/figures checks that the committed file is what this writes.
const target = fileURLToPath(new URL('../../schemas/beregning.schema.json', import.meta.url));
writeFileSync(`${target}.tmp`, computeSchemaText(formFigures((await builtinForms()).forms)));
renameSync(`${target}.tmp`, target);
