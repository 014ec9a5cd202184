import path from 'node:path';
import { BosoreportError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { writeAtomic } from '../../../render/write.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { check } from '../../check.js';
import type { CommandContext } from '../../context.js';
import { FORMAT_NAMES, formatOutcomes, type FormatName } from '../../formatters/index.js';
import { errorsOnly } from '../../formatters/stylish.js';
import { STDIN_NAME, type CheckedFile } from '../../../engine/index.js';

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

  // Only the formats that say it count what fix would mend.
  const checked = await check(paths, ctx, { rules: options.rules ?? {}, countFixable: format === 'stylish' || format === 'json' });
  const warnings = checked.files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  // --quiet shows errors only; warnings still count towards --max-warnings.
  const shown = options.quiet ? errorsOnly(checked.files) : checked.files;
  // --quiet lists no clean files either: only errors and the closing count.
  const report = await formatOutcomes(
    format,
    shown,
    lang,
    io,
    options.outputFile !== undefined,
    !options.quiet && checked.files.length <= LIST_CLEAN_UP_TO,
    fixCommand(checked.files, paths),
  );
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

/** A word as a shell reads it back: quoted when it holds anything but letters, digits and path characters. */
function shellWord(word: string): string {
  return /^[\p{L}\p{N}_@%+=:,./-]+$/u.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that mends what fix can: the one file that has such findings, or else the paths as given. */
function fixCommand(files: readonly CheckedFile[], paths: readonly string[]): string | undefined {
  const fixable = files.filter((f) => f.fixable);
  if (fixable.length === 0) return undefined;
  const targets = fixable.length === 1 ? [fixable[0]!.file === STDIN_NAME ? '-' : fixable[0]!.file] : paths;
  return ['npx bosoreport fix', ...targets.map(shellWord)].join(' ');
}
