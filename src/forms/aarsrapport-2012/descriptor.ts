import { aarsrapportSections } from '../../present/figures.js';
import type { FormDescriptor } from '../types.js';
import { viewAarsrapport2012 } from './view.js';
import { deriveAarsrapport2012 } from './derive.js';
import { AARSRAPPORT_2012_RULES } from './rules.js';

/** Å-2012: «RAPPORTERING I BOLIGSOSIALT UTVIKLINGSPROGRAM – ÅRSRAPPORT», used for 2012–2014 (Gjøvik 2012 in full). */
export const aarsrapport2012: FormDescriptor = {
  id: 'aarsrapport-2012',
  kind: 'aarsrapport',
  title: { nb: 'Årsrapport (skjema 2012–2014)', en: 'Annual report (2012–2014 form)' },
  schemaFile: 'aarsrapport-2012.schema.json',
  years: [2012, 2014],
  derive: deriveAarsrapport2012,
  rules: AARSRAPPORT_2012_RULES,
  figureTable: aarsrapportSections,
  view: viewAarsrapport2012,
};
