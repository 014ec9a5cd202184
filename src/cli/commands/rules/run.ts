import { ruleCatalog } from '../../../cross/catalog.js';
import { EXIT_CLEAN, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { formsHere } from '../../forms-here.js';
import type { CommandContext } from '../../context.js';

/** `bosoreport rules`: one line per rule, so a user can find the id to put in .bosoreport.yaml. */
export async function runRules(ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const here = await formsHere(ctx);
  if (!here.forms) return EXIT_USAGE;
  const catalog = ruleCatalog(here.forms);
  const width = Math.max(...catalog.map((e) => e.rule.id.length));
  for (const { rule, forms } of catalog) {
    const where = forms.join(', ') || t(lang, 'rules/across');
    const level = t(lang, `severity/${rule.severity}`);
    io.stdout.write(`${rule.id.padEnd(width)}  ${rule.code.padEnd(3)}  ${level.padEnd(8)}  ${rule.messages[lang].about} [${where}]\n`);
  }
  return EXIT_CLEAN;
}
