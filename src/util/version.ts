import { readFileSync } from 'node:fs';

/** bosoreport's version, from its package.json (read once, by whichever part asks first). */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
