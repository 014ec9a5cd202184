import { EXIT_CLEAN } from '../errors.js';
import { ALL_RULES, formsOfRule } from '../forms/registry.js';
import { t } from '../messages/index.js';
import type { CommandContext } from './context.js';

/** `bosoreport rules`: one line per rule, so a user can find the id to put in .bosoreport.yaml. */
export function runRules({ io, lang }: CommandContext): number {
  const width = Math.max(...ALL_RULES.map((r) => r.id.length));
  for (const rule of ALL_RULES) {
    const forms = formsOfRule(rule.id).join(', ') || t(lang, 'rules/across');
    const level = t(lang, `severity/${rule.severity}`);
    io.stdout.write(`${rule.id.padEnd(width)}  ${rule.code.padEnd(3)}  ${level.padEnd(8)}  ${t(lang, `rule/${rule.id}.about`)} [${forms}]\n`);
  }
  return EXIT_CLEAN;
}
