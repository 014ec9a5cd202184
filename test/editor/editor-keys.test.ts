import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv2020 as AjvType } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bundledSchema } from '../../src/schema/bundle.js';
import { validatorFor } from '../../src/schema/ajv.js';
import { editorSchema } from '../../src/schema/editor.js';
import type { SchemaNode } from '../../src/schema/store.js';
import { closest } from '../../src/util/similar.js';
import { exampleDoc, FORMS, ROOT } from '../helpers.js';

const { Ajv2020 } = createRequire(import.meta.url)('ajv/dist/2020') as { Ajv2020: new (o: object) => AjvType };

/** The examples of each built-in form, read as data. */
const EXAMPLES = readdirSync(`${ROOT}/examples`)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => exampleDoc(`examples/${f}`).toJS() as Record<string, unknown>);

/** The path of every key in the data, for changing one at a time. */
function keyPaths(data: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (!data || typeof data !== 'object') return [];
  return Object.entries(data).flatMap(([k, v]) => [...(Array.isArray(data) ? [] : [[...at, k]]), ...keyPaths(v, [...at, Array.isArray(data) ? Number(k) : k])]);
}

/** Copies of a report, each with one mistake: a key misspelt, a key left out, a count written «80 %». */
function* mistakes(report: Record<string, unknown>): Generator<unknown> {
  for (const path of keyPaths(report)) {
    for (const change of ['misspelt', 'missing', 'percent'] as const) {
      const copy = structuredClone(report);
      const owner = path.slice(0, -1).reduce<any>((o, k) => o[k], copy) as Record<string, unknown>;
      const key = String(path[path.length - 1]);
      if (change === 'percent' && typeof owner[key] !== 'number') continue;
      if (change === 'misspelt') owner[`${key}x`] = owner[key];
      if (change === 'percent') owner[key] = '80 %';
      else delete owner[key];
      yield copy;
    }
  }
}

describe('the editor copy of each form', () => {
  // yaml-language-server's own validator is not at hand here; ajv stands in for «which reports pass».
  const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, logger: false, code: { optimize: false } });

  it('passes and fails exactly the reports bosoreport passes and fails, for misspelt, missing and «80 %» values', () => {
    let tried = 0;
    for (const form of FORMS.forms) {
      const editor = ajv.compile({ ...editorSchema(bundledSchema(form.schemaId)), $id: `editor-${form.schemaId}` });
      const plain = validatorFor(form.schemaId);
      for (const report of EXAMPLES.filter((r) => r.skjema === form.id)) {
        expect(editor(report), form.id).toBe(true);
        for (const changed of mistakes(report)) {
          tried++;
          expect(editor(changed), JSON.stringify(changed).slice(0, 200)).toBe(plain(changed));
        }
      }
    }
    expect(tried).toBeGreaterThan(1000);
  });

  it('suggests for a misspelt key what `validate` suggests (or a key one slip away, where validate takes a shorter key inside it)', () => {
    const editor = editorSchema(bundledSchema('aarsrapport-2012.schema.json'));
    const defs = editor.$defs as Record<string, SchemaNode>;
    // The suggestion the propertyNames chain makes for a key, as yaml-language-server walks it.
    const suggestion = (check: SchemaNode, key: string): string | undefined => {
      for (let n = check.else as SchemaNode; n.if; n = n.else as SchemaNode) {
        const pattern = defs[
          String((n.if as SchemaNode).$ref)
            .split('/')
            .pop()!
        ]!.pattern as string;
        if (new RegExp(pattern, 'u').test(key)) return (n.then as SchemaNode).const as string;
      }
      return undefined;
    };
    let tried = 0;
    for (const node of objectsWithClosedKeys(editor)) {
      const known = Object.keys(node.properties!);
      for (const key of known.filter((k) => k.length >= 5)) {
        const m = Math.floor(key.length / 2);
        const typos = [
          key.slice(0, m) + key.slice(m + 1), // a letter dropped
          key.slice(0, m) + key[m + 1] + key[m] + key.slice(m + 2), // two swapped
          key.slice(0, m) + key[m] + key.slice(m), // one doubled
          key.slice(0, m) + 'q' + key.slice(m + 1), // one wrong
          key[0]!.toUpperCase() + key.slice(1).replace(/aa/g, 'å').replace(/_/g, ' '), // the form's own letters
        ].filter((t) => !known.includes(t));
        for (const typo of typos) {
          tried++;
          const cli = closest(typo, known);
          const got = suggestion(node.propertyNames as SchemaNode, typo);
          if (cli !== undefined && typo.includes(cli) && got !== cli) expect(got, typo).toBe(key);
          else expect(got, typo).toBe(cli);
        }
      }
    }
    expect(tried).toBeGreaterThan(400);
  });

  it('gives a figure that may also be an object (value and comment) the number message, and null as what completion inserts', () => {
    const editor = editorSchema(bundledSchema('aarsrapport-2012.schema.json'));
    const defs = editor.$defs as Record<string, SchemaNode>;
    expect(defs.felles_tallrad!.errorMessage).toBe(defs.felles_antall!.errorMessage);
    expect(defs.felles_antall!.default).toBeNull();
    expect(defs.felles_tallrad!.default).toBeNull();
  });
});

function* objectsWithClosedKeys(node: unknown): Generator<SchemaNode> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) yield* objectsWithClosedKeys(n);
    return;
  }
  const n = node as SchemaNode;
  if (n.properties && (n.propertyNames as SchemaNode | undefined)?.doNotSuggest) yield n;
  for (const v of Object.values(n)) yield* objectsWithClosedKeys(v);
}
