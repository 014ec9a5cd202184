import type { FormRegistry } from '../forms/registry.js';
import type { RuleMeta } from '../rules/types.js';
import { FILE_RULES } from '../rules/modeline.js';
import { CROSS_RULES } from './rules.js';

/** A rule as listed for users: the forms it applies to, none for the checks across reports. */
export interface CatalogEntry {
  rule: RuleMeta<any>;
  forms: string[];
}

/** Every rule known with these forms: form rules, then the rules about report files (every form), then the checks across reports. */
export function ruleCatalog(registry: FormRegistry): CatalogEntry[] {
  return [
    ...registry.rules().map((rule) => ({ rule, forms: registry.formsOfRule(rule.id) })),
    ...FILE_RULES.map((rule) => ({ rule, forms: registry.forms.map((f) => f.id) })),
    ...CROSS_RULES.map((rule) => ({ rule, forms: [] })),
  ];
}
