import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE } from '../errors.js';
import type { SeveritySetting } from '../rules/types.js';
import { checkFiles } from './check-files.js';
import { colorFor, type CommandContext } from './context.js';
import { formatStylish } from './formatters/stylish.js';

const LIST_CLEAN_UP_TO = 10;

/** `bosoreport validate <paths…>`: every file is checked even when some fail; one summary at the end. */
export async function runValidate(paths: readonly string[], ctx: CommandContext, rules: Record<string, SeveritySetting> = {}): Promise<number> {
  const { io, lang } = ctx;
  const checked = await checkFiles(paths, ctx, rules);
  const color = colorFor(io.stdout, io.env);
  io.stdout.write(formatStylish(checked.files, { lang, color, listClean: checked.files.length <= LIST_CLEAN_UP_TO }));
  if (checked.usageFailed) return EXIT_USAGE;
  return checked.files.some((o) => o.diagnostics.some((d) => d.severity === 'error')) ? EXIT_PROBLEMS : EXIT_CLEAN;
}
