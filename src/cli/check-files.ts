import { t } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { checkOne, ioDiagnostic, type CheckedFile } from './check-one.js';
import { ConfigResolver } from './config.js';
import { wantsProgress, type CommandContext } from './context.js';
import { expandInputs } from './inputs.js';

export type { CheckedFile } from './check-one.js';

export interface Checked {
  files: CheckedFile[];
  /** A usage or I/O problem happened (missing file, unmatched pattern, unreadable file, bad config): exit 2. */
  usageFailed: boolean;
}

/**
 * Expands the paths and checks every file found, continuing past failures. Rule severities come from
 * the nearest `.bosoreport.yaml`, then from `--rule` options, which win.
 */
export async function checkFiles(paths: readonly string[], ctx: CommandContext, ruleOptions: Readonly<Record<string, SeveritySetting>> = {}, options: { keep?: boolean } = {}): Promise<Checked> {
  const { io, lang } = ctx;
  const inputs = await expandInputs(paths, io.cwd);
  const files: CheckedFile[] = inputs.problems.map((p) => ({ file: p.path, diagnostics: [ioDiagnostic(lang, p.ruleId, p.path, p.reason)] }));
  let usageFailed = inputs.problems.length > 0;
  const configs = new ConfigResolver(io.cwd, lang);
  const progress = wantsProgress(io) && inputs.files.length > 1;

  const jobs = inputs.files.map((file) => ({ file, rules: { ...configs.forReport(file).rules, ...ruleOptions } }));
  let shown = 0;
  const onProgress = (done: number) => {
    // A few updates a second are enough to see it move; one per file would flood a slow terminal.
    if (Date.now() - shown < 100) return;
    shown = Date.now();
    io.stderr.write(`\r${t(lang, 'progress', { done, total: jobs.length })}`);
  };
  for (const [i, job] of jobs.entries()) {
    if (progress) onProgress(i);
    const checked = checkOne(io.cwd, lang, job, options.keep ?? true);
    if (checked.ioFailed) usageFailed = true;
    files.push(checked);
  }
  if (progress) io.stderr.write('\r\x1b[K');

  for (const config of configs.all()) {
    if (config.diagnostics.length === 0) continue;
    usageFailed = true;
    files.unshift({ file: config.file!, diagnostics: config.diagnostics });
  }
  return { files, usageFailed };
}
