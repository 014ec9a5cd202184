import { misspellingDef, misspellingPattern, requiredChecks, unknownKeyCheck } from './editor-keys.js';
import type { SchemaNode } from './store.js';

/**
 * A calendar date ÅÅÅÅ-MM-DD that exists: days per month, and 29 February only in a year divisible
 * by four (right for every year from 1901 to 2099, the only years a report can name). Editors run
 * `pattern` but skip formats they do not know, and their own date format takes 2013-02-30.
 */
const DATE = String.raw`\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))|\d{2}(?:[02468][048]|[13579][26])-02-29`;
const MONTH = String.raw`\d{4}-(?:0[1-9]|1[0-2])`;
const YEAR = String.raw`(?:19|20)\d{2}`;

const NB = {
  date: 'Skriv datoen som ÅÅÅÅ-MM-DD, for eksempel 2013-02-18, og en dato som finnes (ikke 18.02.2013).',
  month: 'Skriv datoen som ÅÅÅÅ-MM-DD, bare måneden som ÅÅÅÅ-MM (2010-11) eller bare året i anførselstegn ("2011"); ikke 22.12.2010 eller «november 2010».',
  email: 'Skriv en hel e-postadresse, for eksempel navn@kommune.no.',
  uri: 'Skriv hele lenken, med https:// først.',
  integer: 'Skriv et helt tall, uten mellomrom, punktum eller %',
  number: 'Skriv et tall, med punktum før desimalene og uten %',
  string: 'Skriv tekst her; sett den i anførselstegn hvis den begynner med et tegn som @, * eller «-»',
  object: 'Her skal feltene under stå på egne linjer, rykket inn med mellomrom.',
  array: 'Her skal det stå en liste: hvert element på egen linje som begynner med «- ».',
  nullable: ', eller null hvis det ikke er kjent (ikke 0).',
  choose: (values: string) => `Velg en av: ${values}`,
  exactly: (value: string) => `Her skal det stå «${value}».`,
};

const typesOf = (node: SchemaNode): string[] => ([] as string[]).concat((node.type as string | string[] | undefined) ?? []);

/** The Norwegian message an editor shows when the value has the wrong type (or is not in the list). */
function typeMessage(node: SchemaNode): string | undefined {
  const types = typesOf(node);
  const nullable = types.includes('null') || (Array.isArray(node.enum) && node.enum.includes(null));
  const end = nullable ? NB.nullable : '.';
  if (node.const !== undefined) return NB.exactly(String(node.const));
  if (Array.isArray(node.enum))
    return (
      NB.choose(
        node.enum
          .filter((v) => v !== null)
          .map(String)
          .join(', '),
      ) + end
    );
  // A figure that may also be written as an object (value and comment): a wrong value was meant as the number.
  const scalar = types.some((t) => t !== 'object' && t !== 'null');
  if (types.includes('object') && !scalar) return NB.object;
  if (types.includes('array')) return NB.array;
  if (types.includes('integer')) return NB.integer + end;
  if (types.includes('number')) return NB.number + end;
  // A string with its own pattern says what the pattern wants; a plain one, what to write.
  if (types.includes('string') && node.pattern === undefined) return NB.string + end;
  return undefined;
}

/** What editors understand beyond JSON Schema, for one node. */
function forEditors(node: SchemaNode): SchemaNode {
  const out: SchemaNode = { ...node };
  if (node.format === 'date' || node.format === 'dato-eller-maaned') {
    delete out.format;
    out.pattern = node.format === 'date' ? `^(?:${DATE})$` : `^(?:${DATE}|${MONTH}|${YEAR})$`;
    out.patternErrorMessage = node.format === 'date' ? NB.date : NB.month;
  } else if (node.format === 'email') {
    out.patternErrorMessage = NB.email;
  } else if (node.format === 'uri') {
    out.patternErrorMessage = NB.uri;
  }
  const message = typeMessage(node);
  if (message && !out.patternErrorMessage) out.errorMessage = message;
  // A date typed so that YAML reads a number (11.2010) is a wrong type: the date message says what to write.
  else if (out.patternErrorMessage && (node.format === 'date' || node.format === 'dato-eller-maaned')) out.errorMessage = out.patternErrorMessage;
  // The form's rule for a figure nobody knows is null, never 0: completion inserts the default.
  const types = typesOf(node);
  if (types.includes('null') && (types.includes('integer') || types.includes('number')) && node.default === undefined) out.default = null;
  // Hovers show the title as a heading; completions show only this, so it leads with the form's words.
  if (typeof node.title === 'string') {
    out.markdownDescription = node.description ? `**${node.title}** – ${node.description}` : `**${node.title}**`;
  }
  return out;
}

/**
 * The editor copy of a form's bundled schema: the same reports pass, plus what yaml-language-server
 * (VS Code's YAML extension) reads: `pattern`/`patternErrorMessage` for dates, Norwegian
 * `errorMessage` for wrong types, `markdownDescription` led by the field's title, `default: null`
 * for figures, and unknown and missing keys said by name (editor-keys.ts). bosoreport never
 * validates with this copy, so its own ajv never sees these keywords.
 */
export function editorSchema(schema: SchemaNode): SchemaNode {
  const keys = new Set<string>();
  const defs = (schema.$defs ?? {}) as Record<string, SchemaNode>;
  // A field's title and type, where its property says only `$ref` to a shared definition.
  const resolve = (field: SchemaNode): SchemaNode => {
    const target = typeof field.$ref === 'string' && field.$ref.startsWith('#/$defs/') ? defs[field.$ref.slice('#/$defs/'.length)] : undefined;
    return { ...target, ...field };
  };
  const out = walk(schema, 'schema', (node) => withKeyChecks(node, resolve, keys)) as SchemaNode;
  if (keys.size === 0) return out;
  const patterns = Object.fromEntries([...keys].sort().map((k) => [misspellingDef(k), { type: 'string', pattern: misspellingPattern(k) }]));
  return { ...out, $defs: { ...(out.$defs as object), ...patterns } };
}

/** Unknown and missing keys said with their own messages (see editor-keys.ts), for an object with a closed list of fields. */
function withKeyChecks(node: SchemaNode, resolve: (field: SchemaNode) => SchemaNode, keys: Set<string>): SchemaNode {
  if (!node.properties || typeof node.properties !== 'object') return node;
  const out: SchemaNode = { ...node };
  const known = Object.keys(node.properties);
  if (node.additionalProperties === false && node.patternProperties === undefined && node.propertyNames === undefined) {
    delete out.additionalProperties;
    out.propertyNames = unknownKeyCheck(known);
    for (const k of known) keys.add(k);
  }
  if (Array.isArray(node.required) && node.required.length > 0) {
    delete out.required;
    out.allOf = [...((node.allOf as SchemaNode[] | undefined) ?? []), ...requiredChecks(node, resolve)];
    for (const k of node.required) keys.add(k);
  }
  return out;
}

/** What a value in a schema document is: a schema, a map or list of schemas, or plain data (enum, const, examples). */
type Kind = 'schema' | 'map' | 'list' | 'data';
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);
const SCHEMA_ONE = new Set(['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems']);

/** Each schema node through forEditors, then (its children done) through `after`. */
function walk(value: unknown, kind: Kind, after: (node: SchemaNode) => SchemaNode): unknown {
  if (!value || typeof value !== 'object' || kind === 'data') return value;
  if (Array.isArray(value)) return kind === 'list' || kind === 'schema' ? value.map((v) => walk(v, 'schema', after)) : value;
  if (kind === 'map') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, 'schema', after)]));
  if (kind === 'list') return value;
  const node = forEditors(value as SchemaNode);
  return after(
    Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, walk(v, SCHEMA_MAPS.has(k) ? 'map' : SCHEMA_LISTS.has(k) ? 'list' : SCHEMA_ONE.has(k) ? 'schema' : 'data', after)]),
    ),
  );
}
