// The humaniser lives in src/humanize.ts so that src/forms (which may not import src/validate) can
// put form.yaml's schema errors in the same words as a report's.
export { humanize, pointerToPath } from '../humanize.js';
