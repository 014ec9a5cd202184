import { halvaarsrapportSections } from '../../present/figures.js';
import type { FormDescriptor } from '../types.js';
import { viewHalvaarsrapport2011 } from './view.js';
import { deriveHalvaarsrapport2011 } from './derive.js';
import { HALVAARSRAPPORT_2011_RULES } from './rules.js';

/** H-2011: «Skjema for års- og halvårsrapportering» as used for half-year reports (Lillehammer H1 2011 in full). */
export const halvaarsrapport2011: FormDescriptor = {
  id: 'halvaarsrapport-2011',
  kind: 'halvaarsrapport',
  title: { nb: 'Halvårsrapport (skjema 2011)', en: 'Half-year report (2011 form)' },
  schemaFile: 'halvaarsrapport-2011.schema.json',
  years: [2011, 2012],
  derive: deriveHalvaarsrapport2011,
  rules: HALVAARSRAPPORT_2011_RULES,
  figureTable: halvaarsrapportSections,
  view: viewHalvaarsrapport2011,
};
