import { t } from '../messages/index.js';
import type { SchemaNode } from './store.js';

/**
 * Keys in the editor copy of a schema. yaml-language-server reports an unknown key
 * (`additionalProperties: false`) and a missing one (`required`) with the object's own
 * `errorMessage`, which is written for a value of the wrong type; and it can say only one fixed
 * text per schema node. So the editor copy says the same with other keywords, each with its own
 * message: `propertyNames` checks every key at the key itself, trying the known keys one by one
 * for a likely misspelling («Mente du …?», as `validate` says), and each required key is its own
 * `if`/`then`, skipped while a misspelling of it stands in the object (the unknown key is the one
 * mistake to show, as in `validate`).
 */

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for what a typist makes of `key`: one or two letters changed, dropped, added or swapped
 * in one place (edit distance at most 2), or the first four letters right and some of the rest left
 * out («programansvalig», «rapportdato»), or written in the form's own letters («Rapporteringsår»).
 * An approximation of `closest` in util/similar.ts, which
 * a regular expression cannot match exactly.
 */
export function misspellingPattern(key: string): string {
  const k = [...key].map(escape);
  const near: string[] = [];
  for (let i = 0; i < k.length; i++) {
    near.push(`${k.slice(0, i).join('')}.{0,2}${k.slice(i + 1).join('')}`);
    if (i + 1 < k.length) near.push(`${k.slice(0, i).join('')}.{2}${k.slice(i + 2).join('')}`);
  }
  near.push(typedAs(key));
  if (k.length > 5)
    near.push(
      `(?=.{5})${k.slice(0, 4).join('')}${k
        .slice(4)
        .map((c) => `(?:${c})?`)
        .join('')}`,
    );
  return `^(?:${near.join('|')})$`;
}

/**
 * The key as someone types the form's words: capitals, æ, ø and å, spaces or hyphens for «_»
 * («Rapporteringsår», «status behov pr 0101»), which `closest` maps back with asciiKey.
 */
function typedAs(key: string): string {
  return key.replace(/aa|ae|[a-z_]/g, (c) => {
    if (c === 'aa') return '(?:aa|[åÅ])';
    if (c === 'ae') return '(?:ae|[æÆ])';
    if (c === 'o') return '[oOøØ]';
    if (c === '_') return '[-_ ]';
    return `[${c}${c.toUpperCase()}]`;
  });
}

/** Where a key's misspelling pattern lives in the editor copy's $defs (one per key name, however often it occurs). */
export const misspellingDef = (key: string) => `naer-${key}`;
const ref = (key: string) => ({ $ref: `#/$defs/${misspellingDef(key)}` });

/** `propertyNames` for an object that takes only its own keys: each unknown key once, at the key. */
export function unknownKeyCheck(known: string[]): SchemaNode {
  const none: SchemaNode = { enum: known, errorMessage: `${NB.unknown} ${t('nb', 'schema/unknown-key.list', { known: known.join(', ') })}` };
  // The first known key the unknown one looks like is suggested; ties go to the form's order.
  const chain = known.reduceRight<SchemaNode>(
    (otherwise, key) => ({ if: ref(key), then: { const: key, errorMessage: `${NB.unknown} ${t('nb', 'schema/unknown-key.suggest', { suggestion: key })}` }, else: otherwise }),
    none,
  );
  // doNotSuggest: completion offers the object's properties already, with their help.
  return { doNotSuggest: true, if: { enum: known }, else: chain };
}

/** One `if`/`then` per required key, with a message that names it. */
export function requiredChecks(node: SchemaNode, resolve: (field: SchemaNode) => SchemaNode): SchemaNode[] {
  const known = Object.keys(node.properties ?? {});
  return (node.required ?? []).map((key) => {
    const field = node.properties?.[key] ? resolve(node.properties[key]) : undefined;
    const nullable = ([] as unknown[]).concat(field?.type ?? []).includes('null');
    const message = `${NB.missing(key, field?.title)}${nullable ? ` ${NB.missingNullable(key)}` : ''}`;
    return {
      // Every key is known or not a misspelling of this one (the pattern runs only for unknown keys).
      if: { propertyNames: { if: { enum: known }, else: { not: ref(key) } } },
      // `properties` only so that a strict validator (ajv) sees the key declared beside `required`.
      then: { properties: { [key]: true }, required: [key], errorMessage: message },
    };
  });
}

const NB = {
  unknown: 'Ukjent felt.',
  missing: (key: string, title?: string) => `Her mangler feltet «${key}»${title && title !== key ? ` (${title})` : ''}.`,
  missingNullable: (key: string) => `Er verdien ukjent eller ikke besvart i rapporten, skriv «${key}: null  # grunnen», ikke en oppdiktet verdi.`,
};
