import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BosoreportError, EXIT_CLEAN, EXIT_USAGE, OutputError } from '../../../errors.js';
import { display } from '../../../engine/index.js';
import { modelineTarget, REPORT_FOLDERS, repositoryRoot } from '../../../init/placement.js';
import { mergeYamlSchemas, yamlSchemasSnippet } from '../../../init/vscode-settings.js';
import { t } from '../../../messages/index.js';
import { writeAtomic } from '../../../render/write.js';
import { REPORT_SCHEMA_ID } from '../../../schema/editor-dispatch.js';
import { SCHEMA_DIR } from '../../../schema/store.js';
import { visible } from '../../../util/visible.js';
import type { CommandContext } from '../../context.js';

/**
 * `bosoreport init --repo`: the repository's `.vscode/settings.json` maps every report under its
 * reports folder to the editor schema that follows the report's own `skjema:`, so VS Code helps
 * with a report that has no modeline. A modeline, where a report has one, wins over this.
 */
export async function runInitRepo(ctx: CommandContext): Promise<number> {
  const { io, lang } = ctx;
  const root = repositoryRoot(path.join(io.cwd, 'x')) ?? io.cwd;
  const folder = REPORT_FOLDERS.find((f) => existsSync(path.join(root, f))) ?? REPORT_FOLDERS[0]!;
  // Written relative to the repository root, which is where VS Code resolves `yaml.schemas` from.
  const target = modelineTarget(path.join(root, 'settings'), path.join(SCHEMA_DIR, REPORT_SCHEMA_ID), SCHEMA_DIR, io.cwd);
  const schema = `./${target.ref}`;
  const patterns = [`${folder}/**/*.yaml`, `${folder}/**/*.yml`];
  const file = path.join(root, '.vscode', 'settings.json');
  const shown = visible(display(io.cwd, file));
  let existing: string | undefined;
  try {
    existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  } catch (error) {
    throw new BosoreportError(t(lang, 'io/unwritable', { path: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) }), EXIT_USAGE);
  }
  const merged = mergeYamlSchemas(existing, schema, patterns);
  if (merged.kind === 'unreadable') {
    // The lines to add by hand follow the message (bosoreport's own text, so printed as it is).
    io.stderr.write(`bosoreport: ${t(lang, 'init/settings-unreadable', { file: shown })}\n${yamlSchemasSnippet(schema, patterns)}\n`);
    return EXIT_USAGE;
  }
  try {
    await writeAtomic(file, merged.text);
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    throw new BosoreportError(t(lang, 'io/unwritable', { path: shown, reason: error.code }), EXIT_USAGE);
  }
  io.stdout.write(`${t(lang, 'init/settings-wrote', { file: shown, folder })}\n`);
  if (!target.installed) io.stdout.write(`${t(lang, 'init/editor-help', { ref: schema })}\n`);
  return EXIT_CLEAN;
}
