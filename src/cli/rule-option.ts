import { ALL_RULES } from '../forms/registry.js';
import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { t, type Lang } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { closest } from '../util/similar.js';
import { parseSeverity } from './config.js';

/** Collects repeated `--rule id=level` options into severities; a typo is a usage error, not ignored. */
export function parseRuleOptions(values: readonly string[], lang: Lang): Record<string, SeveritySetting> {
  const known = ALL_RULES.map((r) => r.id);
  const out: Record<string, SeveritySetting> = {};
  for (const value of values) {
    const [id, level] = value.split('=');
    const severity = level === undefined ? undefined : parseSeverity(level);
    if (!id || !severity) throw new BosoreportError(t(lang, 'usage/bad-rule-option', { value }), EXIT_USAGE);
    if (!known.includes(id)) throw new BosoreportError(t(lang, 'usage/unknown-rule', { id, suggestion: closest(id, known) ?? '' }), EXIT_USAGE);
    out[id] = severity;
  }
  return out;
}
