import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withFieldReference } from './field-reference.js';

// `npm run docs`: regenerates the README's field reference from the schemas.
const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const updated = withFieldReference(readFileSync(readmePath, 'utf8'));
writeFileSync(`${readmePath}.tmp`, updated);
renameSync(`${readmePath}.tmp`, readmePath);
