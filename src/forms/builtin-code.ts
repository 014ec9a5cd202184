import type { FormSpec } from './form-yaml.js';
import type { FormModule } from './types.js';

/**
 * The code of the built-in forms, by folder name, when the bundle carries it (src/build/bundle.ts
 * puts every `forms/<id>/form.js` in here, so a run loads no extra module); elsewhere undefined, and
 * the registry imports each folder's form.js as it would a repository's form.mjs.
 */
export const BUNDLED_FORM_CODE: Readonly<Record<string, FormModule>> | undefined = undefined;

/** A built-in form's form.yaml as the build read it: its text's digest (src/util/text-digest.ts), and what readFormYaml made of it. */
export interface BundledSpec {
  digest: string;
  spec: FormSpec;
}

/**
 * Every built-in form's form.yaml, read and checked when the bundle was built: reading six of them
 * with positions and checking each against form.yaml's schema took about 4 ms of every start. Used
 * only while the file still holds that text; elsewhere undefined.
 */
export const BUNDLED_FORM_SPECS: Readonly<Record<string, BundledSpec>> | undefined = undefined;
