import { ruleCatalog } from '../../cross/catalog.js';
import { builtinForms } from '../../forms/registry.js';
import type { FormRegistry } from '../../forms/registry.js';
import type { Lang } from '../../messages/index.js';
import { colorFor, type Io } from '../context.js';
import type { RuleMeta } from '../../rules/types.js';
import { githubPieces } from './github.js';
import { jsonPieces } from './json.js';
import { junitPieces } from './junit.js';
import { sarifPieces } from './sarif.js';
import { stylishPieces, type FileOutcome, type StylishOptions } from './stylish.js';
import type { CiContext } from './tally.js';
import { VERSION } from '../../util/version.js';

/**
 * A rule's one-line description for SARIF, from the rule itself (the forms the checked reports used,
 * and the built-in ones), asked for once `registries` holds the forms of every outcome, in the order
 * each was last seen (a later report's form speaks for a rule id two forms share).
 */
function describer(registries: ReadonlySet<FormRegistry>, builtin: FormRegistry, lang: Lang): (id: string) => string | undefined {
  let rules: Map<string, RuleMeta<any>> | undefined;
  return (id) => {
    if (!rules) {
      rules = new Map(ruleCatalog(builtin).map((e) => [e.rule.id, e.rule]));
      for (const forms of registries) for (const e of ruleCatalog(forms)) rules.set(e.rule.id, e.rule);
    }
    return rules.get(id)?.messages[lang].about;
  };
}

export const FORMAT_NAMES = ['stylish', 'json', 'junit', 'github', 'sarif'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * Picks the formatter; each gives its text in pieces, a file at a time, from outcomes it may read
 * more than once (github also uses what CI adds: the change's files, the baseline, the job summary).
 */
export async function formatPieces(
  name: FormatName,
  outcomes: () => Iterable<FileOutcome>,
  lang: Lang,
  io: Io,
  toFile: boolean,
  listClean: boolean,
  ci: CiContext & { jobSummary?: boolean } = {},
  /** The `fix` command for what it can mend, which the human format ends with. */
  fixCommand?: StylishOptions['fixCommand'],
): Promise<Iterable<string>> {
  switch (name) {
    case 'json':
      return jsonPieces(outcomes());
    case 'junit':
      return junitPieces(outcomes);
    case 'github':
      return githubPieces(outcomes, { ...ci, lang });
    case 'sarif': {
      const registries = new Set<FormRegistry>();
      function* noting() {
        for (const o of outcomes()) {
          const forms = (o as { forms?: FormRegistry }).forms;
          if (forms) {
            registries.delete(forms);
            registries.add(forms);
          }
          yield o;
        }
      }
      return sarifPieces(noting, { version: VERSION, describe: describer(registries, await builtinForms(), lang) });
    }
    default:
      return stylishPieces(outcomes(), {
        lang,
        color: await colorFor(toFile ? ({ isTTY: false } as Io['stdout']) : io.stdout, io.env),
        listClean,
        ...(fixCommand ? { fixCommand } : {}),
      });
  }
}
