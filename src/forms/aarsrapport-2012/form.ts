import type { FormModule } from '../types.js';
import { deriveAarsrapport2012 } from './derive.js';
import { figureTable } from './figures.js';
import { RULES } from './rules.js';
import { viewAarsrapport2012 } from './view.js';

/** The code of the annual report form (2012–2014); its data is in form.yaml beside this file. */
export const form: FormModule = { derive: deriveAarsrapport2012, rules: RULES, figureTable, view: viewAarsrapport2012 };
