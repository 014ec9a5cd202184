import type { FormDescriptor } from '../forms/types.js';
import type { DataPath } from '../load/positions.js';
import type { Params } from '../messages/index.js';

export type RuleSeverity = 'error' | 'warning';
export type SeveritySetting = RuleSeverity | 'off';

/** What a rule found: where (a data path) and the values its message needs. */
export interface Finding {
  path: DataPath;
  /** What to point at: the value (default), its key, or the mapping that owns it. */
  target?: 'value' | 'key' | 'owner';
  params?: Params;
}

export interface RuleContext<Data, Figures> {
  data: Data;
  figures: Figures;
  form: FormDescriptor;
}

/**
 * A check a JSON Schema cannot express. Its message, hint and one-line description are in the
 * message catalogues as `rule/<id>`, `rule/<id>.hint` and `rule/<id>.about`.
 */
export interface Rule<Data = any, Figures = any> {
  id: string;
  /** The check's code in FORMS.md §7 (E1–E7 errors, W1–W11 warnings). */
  code: string;
  severity: RuleSeverity;
  check(ctx: RuleContext<Data, Figures>): Finding[];
}
