import { ruleCatalog } from '../../cross/catalog.js';
import { builtinForms } from '../../forms/registry.js';
import type { FormRegistry } from '../../forms/registry.js';
import type { Lang } from '../../messages/index.js';
import { colorFor, type Io } from '../context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish, type FileOutcome } from './stylish.js';
import type { CiContext } from './tally.js';
import { VERSION } from '../../util/version.js';

/** A rule's one-line description for SARIF, from the rule itself (the forms the checked reports used, and the built-in ones). */
function describer(outcomes: readonly FileOutcome[], builtin: FormRegistry, lang: Lang): (id: string) => string | undefined {
  const rules = new Map(ruleCatalog(builtin).map((e) => [e.rule.id, e.rule]));
  for (const o of outcomes) {
    const forms = (o as { forms?: FormRegistry }).forms;
    if (forms) for (const e of ruleCatalog(forms)) rules.set(e.rule.id, e.rule);
  }
  return (id) => rules.get(id)?.messages[lang].about;
}

export const FORMAT_NAMES = ['stylish', 'json', 'junit', 'github', 'sarif'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Picks the formatter; each is a pure function of the outcomes (github also of what CI adds: the change's files, the baseline, the job summary). */
export async function formatOutcomes(
  name: FormatName,
  outcomes: readonly FileOutcome[],
  lang: Lang,
  io: Io,
  toFile: boolean,
  listClean: boolean,
  ci: CiContext & { jobSummary?: boolean } = {},
  /** The `fix` command for what it can mend, which the human format ends with. */
  fixCommand?: string,
): Promise<string> {
  switch (name) {
    case 'json':
      return formatJson(outcomes);
    case 'junit':
      return formatJunit(outcomes);
    case 'github':
      return formatGithub(outcomes, { ...ci, lang });
    case 'sarif':
      return formatSarif(outcomes, {
        version: VERSION,
        describe: describer(outcomes, await builtinForms(), lang),
      });
    default:
      return formatStylish(outcomes, {
        lang,
        color: await colorFor(toFile ? ({ isTTY: false } as Io['stdout']) : io.stdout, io.env),
        listClean,
        ...(fixCommand ? { fixCommand } : {}),
      });
  }
}
