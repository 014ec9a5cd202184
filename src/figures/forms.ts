import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORM_FILES } from '../forms/folder.js';
import type { Form } from '../forms/types.js';
import type { SchemaNode } from '../schema/store.js';
import type { FormFigures } from './schema.js';

/** src/forms/: beregnet.schema.json is read from the source, which the build does not copy into dist/. */
const SOURCE_FORMS = fileURLToPath(new URL('../../src/forms/', import.meta.url));

/** Each form with the schema of its own figures, from its folder (built in: the source folder of the same name). */
export function formFigures(forms: readonly Form[]): FormFigures[] {
  return forms.map((form) => {
    const file = [path.join(form.dir, FORM_FILES.figures), path.join(SOURCE_FORMS, path.basename(form.dir), FORM_FILES.figures)].find(existsSync);
    return { id: form.id, title: form.title.nb, schemaId: form.schemaId, ...(file ? { own: JSON.parse(readFileSync(file, 'utf8')) as SchemaNode } : {}) };
  });
}
