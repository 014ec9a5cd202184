import path from 'node:path';
import { BosoreportError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { writeAtomic } from '../../../render/write.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { check } from '../../check.js';
import type { CommandContext } from '../../context.js';
import { FORMAT_NAMES, formatOutcomes, type FormatName } from '../../formatters/index.js';
import { errorsOnly } from '../../formatters/stylish.js';

const LIST_CLEAN_UP_TO = 10;

export interface ValidateOptions {
  format?: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  rules?: Record<string, SeveritySetting>;
}

/** `bosoreport validate <paths…>`: every file is checked even when some fail; one report at the end. */
export async function runValidate(paths: readonly string[], ctx: CommandContext, options: ValidateOptions = {}): Promise<number> {
  const { io, lang } = ctx;
  const format = (options.format ?? 'stylish') as FormatName;
  if (!FORMAT_NAMES.includes(format)) throw new BosoreportError(t(lang, 'usage/bad-format', { value: format, formats: FORMAT_NAMES.join(', ') }), EXIT_USAGE);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0))
    throw new BosoreportError(t(lang, 'usage/bad-max-warnings', { value: options.maxWarnings! }), EXIT_USAGE);

  const checked = await check(paths, ctx, { rules: options.rules ?? {} });
  const warnings = checked.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  // --quiet shows errors only; warnings still count towards --max-warnings.
  const shown = options.quiet ? errorsOnly(checked.files) : checked.files;
  // --quiet lists no clean files either: only errors and the closing count.
  const report = await formatOutcomes(format, shown, lang, io, options.outputFile !== undefined, !options.quiet && checked.files.length <= LIST_CLEAN_UP_TO);
  if (options.outputFile) {
    const target = path.resolve(io.cwd, options.outputFile);
    // The results never replace a report that was just checked.
    if (checked.files.some((f) => path.resolve(io.cwd, f.file) === target)) throw new BosoreportError(t(lang, 'usage/output-is-input', { file: options.outputFile }), EXIT_USAGE);
    await writeAtomic(target, report);
  } else {
    io.stdout.write(report);
  }

  if (checked.exitCode !== EXIT_CLEAN) return checked.exitCode;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`${t(lang, 'usage/too-many-warnings', { warnings, max: maxWarnings })}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}
