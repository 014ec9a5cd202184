import { BosoreportError, EXIT_CLEAN, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { closest } from '../../../util/similar.js';
import { bundledSchema } from '../../../schema/bundle.js';
import { editorSchema } from '../../../schema/editor.js';
import type { CommandContext } from '../../context.js';
import { formsHere } from '../../forms-here.js';

/**
 * `bosoreport schema <form>`: the form's schema with shared parts inlined, for other tools; with
 * --editor the copy with Norwegian messages for editors (what schemas/<id>.schema.json holds).
 */
export async function runSchema(formId: string, ctx: CommandContext, options: { editor?: boolean } = {}): Promise<number> {
  const { io, lang } = ctx;
  const { forms } = await formsHere(ctx);
  if (!forms) return EXIT_USAGE;
  const form = forms.find(formId);
  if (!form) throw new BosoreportError(t(lang, 'init/unknown-form', { value: formId, forms: forms.ids.join(', '), suggestion: closest(formId, forms.ids) ?? '' }), EXIT_USAGE);
  const bundled = bundledSchema(form.schemaId);
  io.stdout.write(`${JSON.stringify(options.editor ? editorSchema(bundled) : bundled, null, 2)}\n`);
  return EXIT_CLEAN;
}
