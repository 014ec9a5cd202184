import { ALL_RULES } from '../../forms/registry.js';
import { hasMessage, t, type Lang } from '../../messages/index.js';
import { colorFor, type Io } from '../context.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish, type FileOutcome } from './stylish.js';
import { VERSION } from '../../util/version.js';


export const FORMAT_NAMES = ['stylish', 'json', 'junit', 'github', 'sarif'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** Picks the formatter; each is a pure function of the outcomes. */
export async function formatOutcomes(name: FormatName, outcomes: readonly FileOutcome[], lang: Lang, io: Io, toFile: boolean, listClean: boolean): Promise<string> {
  switch (name) {
    case 'json':
      return formatJson(outcomes);
    case 'junit':
      return formatJunit(outcomes);
    case 'github':
      return formatGithub(outcomes);
    case 'sarif':
      return formatSarif(outcomes, {
        version: VERSION,
        describe: (id) => (ALL_RULES.some((r) => r.id === id) && hasMessage(lang, `rule/${id}.about`) ? t(lang, `rule/${id}.about`) : undefined),
      });
    default:
      return formatStylish(outcomes, { lang, color: await colorFor(toFile ? ({ isTTY: false } as Io['stdout']) : io.stdout, io.env), listClean });
  }
}
