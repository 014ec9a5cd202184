import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { withoutBaselined } from '../../../baseline/file.js';
import { exitCodeOf } from '../../../engine/index.js';
import { BosoreportError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, OutputError } from '../../../errors.js';
import { changedFiles } from '../../../git/changed.js';
import { t } from '../../../messages/index.js';
import { writeAtomic } from '../../../render/write.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { shellArg } from '../../../util/shell-arg.js';
import { visible } from '../../../util/visible.js';
import { check } from '../../check.js';
import type { CommandContext } from '../../context.js';
import { FORMAT_NAMES, formatOutcomes, type FormatName } from '../../formatters/index.js';
import { formatJobSummary } from '../../formatters/job-summary.js';
import { errorsOnly } from '../../formatters/stylish.js';
import { STDIN_NAME, type CheckedFile } from '../../../engine/index.js';
import { changedFirst } from '../../formatters/tally.js';

const LIST_CLEAN_UP_TO = 10;

export interface ValidateOptions {
  format?: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  rules?: Record<string, SeveritySetting>;
  /** A git ref: the files changed since the branch left it come first. */
  changed?: string;
  /** Read the repository's baseline (on unless --no-baseline). */
  baseline?: boolean;
}

/** `bosoreport validate <paths…>`: every file is checked even when some fail; one report at the end. */
export async function runValidate(paths: readonly string[], ctx: CommandContext, options: ValidateOptions = {}): Promise<number> {
  const { io, lang } = ctx;
  const format = (options.format ?? 'stylish') as FormatName;
  if (!FORMAT_NAMES.includes(format)) throw new BosoreportError(t(lang, 'usage/bad-format', { value: format, formats: FORMAT_NAMES.join(', ') }), EXIT_USAGE);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && !(Number.isInteger(maxWarnings) && maxWarnings >= 0))
    throw new BosoreportError(t(lang, 'usage/bad-max-warnings', { value: options.maxWarnings! }), EXIT_USAGE);
  // Asked before the check: a CI setup without the base commit fails at once, with the way out.
  const changed = options.changed === undefined ? undefined : await changedFiles(options.changed, io.cwd, lang);

  // Only the formats that say it count what fix would mend.
  const checked = await check(paths, ctx, { rules: options.rules ?? {}, countFixable: format === 'stylish' || format === 'json' });
  // What the repository has accepted is neither shown nor counted; validate says how much it hid.
  const baselined = options.baseline === false ? undefined : withoutBaselined(checked.files, io.cwd, lang);
  const files = changedFirst(baselined?.files ?? checked.files, changed);
  const exitCode = exitCodeOf({ usageFailed: checked.usageFailed, files });
  const warnings = files.reduce((n, f) => n + f.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const ci = { ...(changed ? { changed } : {}), ...(baselined ? { hidden: baselined.hidden, loose: baselined.loose } : {}) };
  const jobSummary = format === 'github' && io.env.GITHUB_STEP_SUMMARY ? path.resolve(io.cwd, io.env.GITHUB_STEP_SUMMARY) : undefined;

  // --quiet shows errors only; warnings still count towards --max-warnings.
  const shown = options.quiet ? errorsOnly(files) : files;
  // --quiet lists no clean files either: only errors and the closing count.
  const report = await formatOutcomes(
    format,
    shown,
    lang,
    io,
    options.outputFile !== undefined,
    !options.quiet && files.length <= LIST_CLEAN_UP_TO,
    { ...ci, jobSummary: jobSummary !== undefined },
    fixCommand(files, paths),
  );
  if (options.outputFile) {
    const target = path.resolve(io.cwd, options.outputFile);
    // The results never replace a report that was just checked.
    if (files.some((f) => path.resolve(io.cwd, f.file) === target)) throw new BosoreportError(t(lang, 'usage/output-is-input', { file: options.outputFile }), EXIT_USAGE);
    await writeAtomic(target, report);
  } else {
    io.stdout.write(report);
  }
  if (jobSummary) {
    // Appended, as GitHub asks: other steps' and commands' parts of the summary stay.
    const markdown = formatJobSummary(shown, { ...ci, lang, paths });
    await appendFile(jobSummary, markdown).catch((error: NodeJS.ErrnoException) => {
      throw new OutputError(jobSummary, error.code ?? error.message);
    });
  }

  if (baselined) {
    const { hidden, loose, used } = baselined;
    if (hidden.errors + hidden.warnings > 0)
      io.stderr.write(
        `${t(lang, 'baseline/hidden', { count: hidden.errors + hidden.warnings, errors: hidden.errors, warnings: hidden.warnings, file: visible(used.join(', ')) })}\n`,
      );
    if (loose.length > 0)
      io.stderr.write(`${t(lang, 'baseline/loose', { count: loose.length, command: visible(['npx bosoreport baseline --prune', ...paths.map(shellArg)].join(' ')) })}\n`);
  }
  if (exitCode !== EXIT_CLEAN) return exitCode;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`${t(lang, 'usage/too-many-warnings', { warnings, max: maxWarnings })}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

/** The command that mends what fix can: the one file that has such findings, or else the paths as given. */
function fixCommand(files: readonly CheckedFile[], paths: readonly string[]): string | undefined {
  const fixable = files.filter((f) => f.fixable);
  if (fixable.length === 0) return undefined;
  const targets = fixable.length === 1 ? [fixable[0]!.file === STDIN_NAME ? '-' : fixable[0]!.file] : paths;
  return ['npx bosoreport fix', ...targets.map(shellArg)].join(' ');
}
