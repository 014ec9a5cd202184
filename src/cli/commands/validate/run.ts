import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BaselineFilter } from '../../../baseline/file.js';
import { countBySeverity } from '../../../diagnostics.js';
import { BosoreportError, EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, OutputError } from '../../../errors.js';
import { changedFiles } from '../../../git/changed.js';
import { t } from '../../../messages/index.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { shellArg } from '../../../util/shell-arg.js';
import { visible } from '../../../util/visible.js';
import { checkStream } from '../../check.js';
import type { CommandContext } from '../../context.js';
import { FORMAT_NAMES, formatPieces, type FormatName } from '../../formatters/index.js';
import { formatJobSummary } from '../../formatters/job-summary.js';
import { errorsOnly } from '../../formatters/stylish.js';
import { STDIN_NAME, type CheckStream } from '../../../engine/index.js';
import { fileOutput, streamOutput, writePieces } from '../../output.js';

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

/**
 * `bosoreport validate <paths…>`: every file is checked even when some fail; one report at the end,
 * written a file at a time from findings read back one file at a time.
 */
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
  const checked = await checkStream(paths, ctx, { rules: options.rules ?? {}, countFixable: format === 'stylish' || format === 'json' });
  try {
    return await report(checked, paths, ctx, options, format, changed, maxWarnings);
  } finally {
    checked.close();
  }
}

async function report(
  checked: CheckStream,
  paths: readonly string[],
  ctx: CommandContext,
  options: ValidateOptions,
  format: FormatName,
  changed: ReadonlySet<string> | undefined,
  maxWarnings: number | undefined,
): Promise<number> {
  const { io, lang } = ctx;
  const names = checked.names();
  // What the repository has accepted is neither shown nor counted; validate says how much it hid.
  const baseline = options.baseline === false ? undefined : new BaselineFilter(names, io.cwd, lang, checked.folders);
  const target = options.outputFile === undefined ? undefined : path.resolve(io.cwd, options.outputFile);
  // The results never replace a report that was just checked.
  if (target && names.some((f) => path.resolve(io.cwd, f) === target)) throw new BosoreportError(t(lang, 'usage/output-is-input', { file: options.outputFile! }), EXIT_USAGE);

  // The files as shown: the change's first, less what the baseline accepts, with --quiet errors only
  // (warnings still count towards --max-warnings). Read as often as the format needs; a read to the
  // end counts what the exit code and the closing lines need (every format reads to the end once).
  const count = { counted: false, errors: false, warnings: 0 };
  const shown = function* () {
    const counting = !count.counted;
    if (counting) {
      baseline?.restart();
      count.errors = false;
      count.warnings = 0;
    }
    for (const only of changed ? [(f: string) => changed.has(f), (f: string) => !changed.has(f)] : [undefined]) {
      for (const file of checked.files(only)) {
        const f = baseline ? baseline.apply(file, counting) : file;
        if (counting) {
          const c = countBySeverity(f.diagnostics);
          count.errors ||= c.errors > 0;
          count.warnings += c.warnings;
        }
        yield options.quiet ? errorsOnly([f])[0]! : f;
      }
    }
    count.counted = true;
  };
  const jobSummary = format === 'github' && io.env.GITHUB_STEP_SUMMARY ? path.resolve(io.cwd, io.env.GITHUB_STEP_SUMMARY) : undefined;
  const pieces = await formatPieces(
    format,
    shown,
    lang,
    io,
    target !== undefined,
    // --quiet lists no clean files either: only errors and the closing count.
    !options.quiet && checked.size <= LIST_CLEAN_UP_TO,
    { ...(changed ? { changed } : {}), jobSummary: jobSummary !== undefined },
    (only) => fixCommand(only, paths),
  );
  const out = target ? await fileOutput(target) : streamOutput(io.stdout);
  await writePieces(out, pieces);
  if (!count.counted) for (const _ of shown());
  const baselined = baseline?.result();
  const ci = { ...(changed ? { changed } : {}), ...(baselined ? { hidden: baselined.hidden, loose: baselined.loose } : {}) };
  if (jobSummary) {
    // Appended, as GitHub asks: other steps' and commands' parts of the summary stay.
    const markdown = formatJobSummary(shown, { ...ci, lang, paths });
    await fs.appendFile(jobSummary, markdown).catch((error: NodeJS.ErrnoException) => {
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
  const exitCode = checked.usageFailed ? EXIT_USAGE : count.errors ? EXIT_PROBLEMS : EXIT_CLEAN;
  if (exitCode !== EXIT_CLEAN) return exitCode;
  if (maxWarnings !== undefined && count.warnings > maxWarnings) {
    io.stderr.write(`${t(lang, 'usage/too-many-warnings', { warnings: count.warnings, max: maxWarnings })}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

/** The command that mends what fix can: the one file that has such findings, or else the paths as given. */
function fixCommand(only: string | undefined, paths: readonly string[]): string {
  const targets = only !== undefined ? [only === STDIN_NAME ? '-' : only] : paths;
  return ['npx bosoreport fix', ...targets.map(shellArg)].join(' ');
}
