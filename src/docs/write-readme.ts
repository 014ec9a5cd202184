import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withGeneratedSections } from './field-reference.js';

// `npm run docs`: regenerates the README's field reference from the schemas.
const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const updated = withGeneratedSections(readFileSync(readmePath, 'utf8'));
writeFileSync(`${readmePath}.tmp`, updated);
renameSync(`${readmePath}.tmp`, readmePath);
