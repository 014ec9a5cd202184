import type { FormModule } from '../types.js';
import { deriveHalvaarsrapport2011 } from './derive.js';
import { figureTable } from './figures.js';
import { RULES } from './rules.js';
import { viewHalvaarsrapport2011 } from './view.js';

/** The code of the half-year report form (2011); its data is in form.yaml beside this file. */
export const form: FormModule = { derive: deriveHalvaarsrapport2011, rules: RULES, figureTable, view: viewHalvaarsrapport2011 };
