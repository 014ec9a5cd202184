import type { Form } from '../forms/types.js';
import { modelineRepair } from '../init/modeline.js';
import type { Fix } from './plan.js';

/**
 * The fixed text with its modeline pointed at the form's schema again, when the report was copied
 * or moved and the path it names is gone: the path `init` would write there (see init/modeline.ts).
 */
export function withModelineFix(fixed: { text: string; fixes: Fix[] }, report: string, form: Form, cwd: string): { text: string; fixes: Fix[] } {
  const repair = modelineRepair(report, fixed.text, form, cwd);
  if (!repair) return fixed;
  const { modeline, target } = repair;
  const fix: Fix = { kind: 'modeline', start: modeline.start, end: modeline.end, text: target, was: modeline.ref };
  return { text: fixed.text.slice(0, fix.start) + fix.text + fixed.text.slice(fix.end), fixes: [...fixed.fixes, fix] };
}
