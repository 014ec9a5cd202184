import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';

// js-yaml's CommonJS build: its ES-module build ran about 2.7× slower from Node 20 (DESIGN.md).
const jsyaml = createRequire(import.meta.url)('js-yaml') as typeof JsYaml;

const { Type, FAILSAFE_SCHEMA } = jsyaml;

/**
 * The YAML 1.2 core schema exactly as the `yaml` package resolves plain scalars, so both parsers
 * give the same data: dates and «NO» stay text, only these forms become null, booleans and numbers.
 */
const nullType = new Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:~|[Nn]ull|NULL)?$/.test(s),
  construct: () => null,
  predicate: (v: unknown) => v === null,
  represent: { canonical: () => '~' },
  defaultStyle: 'canonical',
});
const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s),
  construct: (s: string) => s[0] === 't' || s[0] === 'T',
  predicate: (v: unknown) => typeof v === 'boolean',
});
const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/.test(s),
  construct: (s: string) => (s.startsWith('0o') ? parseInt(s.slice(2), 8) : s.startsWith('0x') ? parseInt(s.slice(2), 16) : Number(s)),
  predicate: (v: unknown) => typeof v === 'number' && Number.isInteger(v),
});
const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (s: string) => /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(s),
  construct: (s: string) => {
    if (/\.(?:nan|NaN|NAN)$/.test(s)) return NaN;
    if (/\.(?:inf|Inf|INF)$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    return Number(s);
  },
  predicate: (v: unknown) => typeof v === 'number',
});

export const CORE_1_2 = FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });

/** YAML anchors and aliases: the fast parser does not bound alias expansion, so such files take the careful path. */
const ANCHOR_OR_ALIAS = /(?:^|[\s[{,])[&*][^\s,\]}*]/m;

/**
 * Parses report text fast, with no positions. Returns undefined when the text needs the careful
 * parser: it has errors, duplicate keys, anchors or aliases, several documents, or odd nesting.
 */
export function fastParse(text: string): { data: unknown } | undefined {
  if (ANCHOR_OR_ALIAS.test(text)) return undefined;
  try {
    return { data: jsyaml.load(text, { schema: CORE_1_2, json: false }) };
  } catch {
    return undefined;
  }
}
