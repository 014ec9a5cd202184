import { LineIndex } from '../load/lines.js';
import type { Lang } from '../messages/index.js';
import { validatorFor } from '../schema/ajv.js';
import type { ValidationResult } from '../validate/validate.js';
import { planFixes } from './plan.js';
import { repairTabs, sourceText } from './tabs.js';

/**
 * How many of a checked report's findings `fix` would mend, for validate to say so: the schema
 * findings at the places the planner would edit, or the YAML errors tabs in the indentation cause. One
 * planning pass (fix itself goes on while a round mends more), so never more than fix does.
 */
export function fixableCount(result: ValidationResult, bytes: Uint8Array | undefined, lang: Lang): number {
  const { report, form } = result;
  if (report && form && !result.schemaValid) {
    const validate = validatorFor(form.schemaId);
    if (validate(report.data) === true) return 0;
    const fixes = planFixes(report, form, validate.errors ?? []);
    if (fixes.length === 0) return 0;
    const lines = new LineIndex(report.text);
    const edited = new Set(fixes.map((f) => lines.linePos(f.start)).map((p) => `${p.line}:${p.col}`));
    return result.diagnostics.filter((d) => d.ruleId.startsWith('schema/') && edited.has(`${d.line}:${d.col}`)).length;
  }
  // A file that reads without errors once its tabs are replaced: every YAML error shown goes with them
  // (a tab's follow-on errors are duplicate keys).
  const yamlErrors = result.diagnostics.filter((d) => d.ruleId.startsWith('yaml/') && d.severity === 'error').length;
  if (report || !bytes || yamlErrors === 0) return 0;
  const text = sourceText(bytes);
  return text !== undefined && repairTabs(result.file, text, lang)?.kind === 'fixed' ? yamlErrors : 0;
}
