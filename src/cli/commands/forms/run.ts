import { EXIT_CLEAN, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { display } from '../../../engine/index.js';
import type { CommandContext } from '../../context.js';
import { formsHere } from '../../forms-here.js';

/** `bosoreport forms`: the forms, the years they were used, and where each comes from; provisional ones marked. */
export async function runForms(ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const { forms } = await formsHere(ctx);
  if (!forms) return EXIT_USAGE;
  const width = Math.max(...forms.forms.map((f) => f.id.length));
  for (const f of forms.forms) {
    const where = f.origin === 'builtin' ? t(lang, 'forms/builtin') : display(io.cwd, f.dir);
    const mark = f.provisional ? ` [${t(lang, 'forms/provisional')}]` : '';
    io.stdout.write(`${f.id.padEnd(width)}  ${f.title[lang]}${mark}  (${f.years[0]}–${f.years[1]}, ${where})\n`);
  }
  return EXIT_CLEAN;
}
