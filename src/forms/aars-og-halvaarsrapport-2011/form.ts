import type { FormModule } from '../types.js';
import { RULES } from './rules.js';
import { viewHalvaarsrapport2011 } from './view.js';

/**
 * The code of the half-year report form (2011); its data is in form.yaml beside this file. It has no
 * figures of its own: the activity table's are the shared ones, and so is its figure table.
 */
export const form: FormModule = { rules: RULES, view: viewHalvaarsrapport2011 };
