import { BosoreportError, EXIT_PROBLEMS, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import { readHeader } from '../../../parts/header.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { check } from '../../check.js';
import { colorFor, type CommandContext } from '../../context.js';
import { formatFigures } from '../../formatters/figures.js';
import { formatStylish } from '../../formatters/stylish.js';
import { computeDocument } from '../../../figures/contract.js';
import { safeJson } from '../../../util/visible.js';

/**
 * `bosoreport compute FILE`: the report and every derived figure, as JSON for templates and tools, or
 * as a table for people. Problems found go to stderr (table) or into the JSON; figures are printed
 * whenever the report matched its schema, since warnings and rule errors do not make them wrong.
 */
export async function runCompute(paths: readonly string[], options: { json?: boolean; rules: Record<string, SeveritySetting> }, ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const checked = await check(paths, ctx, { rules: options.rules, keep: true });
  const reports = checked.files.filter((f) => f.result);
  if (reports.length > 1) throw new BosoreportError(t(lang, 'usage/one-file'), EXIT_USAGE);
  const color = await colorFor(io.stderr, io.env);
  const one = reports[0];
  if (checked.usageFailed || !one?.result?.form || !one.result.schemaValid) {
    // A report that was read but does not match its form: --json still answers, with what is wrong
    // in «diagnostikk» and no figures, so a tool reading the JSON is not left with nothing.
    if (options.json && !checked.usageFailed && one?.result) {
      io.stdout.write(safeJson(computeDocument(one.result, { diagnostics: one.diagnostics })));
      return EXIT_PROBLEMS;
    }
    io.stderr.write(formatStylish(checked.files, { lang, color, listClean: false }));
    return checked.usageFailed ? EXIT_USAGE : EXIT_PROBLEMS;
  }
  const { result } = one;
  const form = result.form!;
  // Every finding, those across reports included: the same as validate gives for this file.
  const diagnostics = one.diagnostics;
  if (options.json) {
    io.stdout.write(safeJson(computeDocument(result, { diagnostics })));
  } else {
    const header = readHeader(result.data, form.fields);
    const heading = `${header.kommune ?? ''} – ${form.title[lang]}, ${header.aar}`;
    io.stdout.write(formatFigures(heading, form.figureTable(result.figures, lang), await colorFor(io.stdout, io.env)));
    if (diagnostics.length) io.stderr.write(formatStylish([one], { lang, color, listClean: false }));
  }
  return checked.exitCode;
}
