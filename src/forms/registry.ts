import { aarsrapport2012 } from './aarsrapport-2012/descriptor.js';
import { halvaarsrapport2011 } from './halvaarsrapport-2011/descriptor.js';
import type { FormDescriptor } from './types.js';
import { CROSS_RULES } from '../cross/rules.js';

/** Every form bosoreport knows. A new form version is one folder beside these plus one line here. */
export const FORMS: readonly FormDescriptor[] = [halvaarsrapport2011, aarsrapport2012];

export function findForm(id: string): FormDescriptor | undefined {
  return FORMS.find((f) => f.id === id);
}

export const FORM_IDS: readonly string[] = FORMS.map((f) => f.id);

/** Every rule of every form, once each, then the cross-report rules: for config checking and the rule reference. */
export const ALL_RULES: readonly { id: string; code: string; severity: 'error' | 'warning' }[] = [
  ...new Map(FORMS.flatMap((f) => f.rules).map((r) => [r.id, r])).values(),
  ...CROSS_RULES,
];

/** The forms a rule applies to, for listings; cross-report rules apply across all of them. */
export function formsOfRule(id: string): string[] {
  return FORMS.filter((f) => f.rules.some((r) => r.id === id)).map((f) => f.id);
}
