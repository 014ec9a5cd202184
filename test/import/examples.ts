import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { importableForms } from '../../src/import/index.js';
import { FORMS, ROOT } from '../helpers.js';

/** The forms import can read, and the examples on them (the round trips through PDF and Word use both). */
export const forms = importableForms(FORMS.forms);
const importable = new Set(forms.map((f) => f.form.id));
export const importableExamples = readdirSync(path.join(ROOT, 'examples')).filter(
  (f) => f.endsWith('.yaml') && importable.has(parse(readFileSync(path.join(ROOT, 'examples', f), 'utf8')).skjema),
);
