import type { DataPath } from '../load/positions.js';
import type { Lang, Params } from '../messages/index.js';

export type RuleSeverity = 'error' | 'warning';
export type SeveritySetting = RuleSeverity | 'off';

/** What a rule found: where (a data path) and the values its message needs. */
export interface Finding<P extends Params = Params> {
  path: DataPath;
  /** What to point at: the value (default), its key, or the mapping that owns it. */
  target?: 'value' | 'key' | 'owner';
  params?: P;
}

/** A rule's words in one language: the message, an optional hint, and one line for the rule reference. */
export interface RuleWords<P extends Params = Params> {
  message(params: P): string;
  hint?(params: P): string;
  about: string;
}

/**
 * What every rule declares about itself, like an ESLint rule's `meta`: a stable id for config files,
 * a unique code (E… for errors, W… for warnings), the default level, and its words in each language.
 */
export interface RuleMeta<P extends Params = Params> {
  id: string;
  code: string;
  severity: RuleSeverity;
  messages: Record<Lang, RuleWords<P>>;
}

/** Where a form keeps the header facts every report has; rules point at these paths. */
export interface HeaderFields {
  kommune: DataPath;
  aar: DataPath;
  rapporteringsdato: DataPath;
  forsidedato: DataPath;
  programstart: DataPath;
  utfylt_av: DataPath;
}

/** As much of the form as a rule needs. */
export interface RuleForm {
  id: string;
  /** The $id of the form's schema: rules over shared parts find them through it. */
  schemaId: string;
  /** The years this form version was used for. */
  years: readonly [number, number];
  fields: HeaderFields;
}

export interface RuleContext<Data, Figures> {
  data: Data;
  figures: Figures;
  form: RuleForm;
  /** The YAML comment beside a value that holds no text (null, an empty list), where the report has one. */
  comment?(path: DataPath): string | undefined;
}

/** A check a JSON Schema cannot express, with its own words. */
export interface Rule<Data = any, Figures = any, P extends Params = any> extends RuleMeta<P> {
  check(ctx: RuleContext<Data, Figures>): Finding<P>[];
  /**
   * For a rule that holds a part against its whole («herav», a breakdown): the path of the whole for
   * a figure's path, or undefined. A hint reads «80 %» typed in the part as a share of that whole.
   */
  wholeOf?(path: DataPath): DataPath | undefined;
}

/** Declares a rule; the identity function, there so that TypeScript checks the parameters its messages use. */
export function defineRule<Data = any, Figures = any, P extends Params = Params>(rule: Rule<Data, Figures, P>): Rule<Data, Figures, P> {
  return rule;
}
