import type { FormRegistry } from '../forms/registry.js';
import { ConfigResolver } from '../engine/config.js';
import { colorFor, type CommandContext } from './context.js';
import { formatStylish } from './formatters/stylish.js';
import { byFile } from '../engine/index.js';

/**
 * The forms known in the working folder: the built-in ones and those the nearest `.bosoreport.yaml`
 * names. A broken config is reported (and no registry returned), as for a report.
 */
export async function formsHere(ctx: CommandContext): Promise<{ forms?: FormRegistry }> {
  const { io, lang } = ctx;
  const config = await new ConfigResolver(io.cwd, lang).forFolder(io.cwd);
  if (config.diagnostics.length === 0) return { forms: config.forms };
  io.stderr.write(formatStylish(byFile(config.diagnostics, io.cwd), { lang, color: await colorFor(io.stderr, io.env), listClean: false }));
  return {};
}
