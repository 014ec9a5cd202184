import { existsSync } from 'node:fs';
import path from 'node:path';
import { countFindings, nextBaseline, sizeOf } from '../../../baseline/baseline.js';
import { byRepository, readBaseline, serialise, writeBaseline } from '../../../baseline/file.js';
import { EXIT_CLEAN, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import type { SeveritySetting } from '../../../rules/types.js';
import { visible } from '../../../util/visible.js';
import { check } from '../../check.js';
import { colorFor, type CommandContext } from '../../context.js';
import { formatStylish } from '../../formatters/stylish.js';

export interface BaselineOptions {
  rules: Record<string, SeveritySetting>;
  /** Only lower counts and drop entries; never accept anything new. */
  prune: boolean;
}

/**
 * `bosoreport baseline <paths…>`: counts each checked file's findings per rule and writes them to
 * the baseline at its repository's root. Entries of files not checked this time stay while the file
 * exists. A missing file or a broken config writes nothing (exit 2): a baseline from half a run would
 * accept too little and fail the next pull request for it.
 */
export async function runBaseline(paths: readonly string[], ctx: CommandContext, options: BaselineOptions): Promise<number> {
  const { io, lang } = ctx;
  const checked = await check(paths, ctx, { rules: options.rules });
  if (checked.usageFailed) {
    const failed = checked.files.filter((f) => f.ioFailed || f.diagnostics.some((d) => /^(io|config)\//.test(d.ruleId)));
    io.stdout.write(formatStylish(failed, { lang, color: await colorFor(io.stdout, io.env), listClean: false }));
    io.stderr.write(`${t(lang, 'baseline/not-written')}\n`);
    return EXIT_USAGE;
  }
  for (const repo of byRepository(checked.files, io.cwd)) {
    const old = readBaseline(repo.root, repo.shown, lang);
    const keys = new Set(repo.files.map((f) => repo.keyOf(f.file)).filter((k): k is string => k !== undefined));
    const next = nextBaseline(old ?? {}, countFindings(repo.files, repo.keyOf), keys, (key) => existsSync(path.join(repo.root, key)), options.prune);
    const file = visible(repo.shown);
    const size = sizeOf(next);
    if (!old && size.files === 0) io.stdout.write(`${t(lang, 'baseline/nothing')}\n`);
    else if (old && serialise(old) === serialise(next)) io.stdout.write(`${t(lang, 'baseline/unchanged', { file })}\n`);
    else {
      await writeBaseline(repo.root, next);
      io.stdout.write(`${t(lang, 'baseline/wrote', { file, findings: size.findings, files: size.files })}\n`);
    }
  }
  return EXIT_CLEAN;
}
