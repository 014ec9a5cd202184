import type { FormModule } from './types.js';

/**
 * The code of the built-in forms, by folder name, when the bundle carries it (src/build/bundle.ts
 * puts every `forms/<id>/form.js` in here, so a run loads no extra module); elsewhere undefined, and
 * the registry imports each folder's form.js as it would a repository's form.mjs.
 */
export const BUNDLED_FORM_CODE: Readonly<Record<string, FormModule>> | undefined = undefined;
