import type { Diagnostic } from '../diagnostics.js';

/** What every command shows of one checked file: its name, its form, and what was found. */
export interface FileOutcome {
  file: string;
  /** The form's name and id when the report named a known form. */
  formTitle?: string;
  formId?: string;
  /** The form's Norwegian name, as machine-readable output gives it whatever the message language. */
  formName?: string;
  diagnostics: Diagnostic[];
  /** How many of the findings `fix` would mend, when the command asked (validate). */
  fixable?: number;
}
