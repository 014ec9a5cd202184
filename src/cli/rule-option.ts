import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { t, type Lang } from '../messages/index.js';
import type { SeveritySetting } from '../rules/types.js';
import { parseSeverity } from '../engine/config.js';

/**
 * Collects repeated `--rule id=level` options into severities; a typo is a usage error, not ignored.
 * The ids are checked once the reports' configs are read (a repository's form brings rules of its own).
 */
export function parseRuleOptions(values: readonly string[], lang: Lang): Record<string, SeveritySetting> {
  // No prototype: an id such as «__proto__» is then a key like any other, and refused as unknown.
  const out: Record<string, SeveritySetting> = Object.create(null) as Record<string, SeveritySetting>;
  for (const value of values) {
    const [id, level] = value.split('=');
    const severity = level === undefined ? undefined : parseSeverity(level);
    if (!id || !severity) throw new BosoreportError(t(lang, 'usage/bad-rule-option', { value }), EXIT_USAGE);
    out[id] = severity;
  }
  return out;
}
