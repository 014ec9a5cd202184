import { describe, expect, it } from 'vitest';
import { bundledSchema } from '../../src/schema/bundle.js';
import { editorSchema } from '../../src/schema/editor.js';
import type { SchemaNode } from '../../src/schema/store.js';
import { FORMS, runMain } from '../helpers.js';

/** Every schema node below `node` with its path, for checks that must hold everywhere. */
function* nodes(node: unknown, at = ''): Generator<[string, SchemaNode]> {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) yield* nodes(n, `${at}/${i}`);
    return;
  }
  const n = node as SchemaNode;
  yield [at, n];
  for (const key of ['properties', '$defs']) for (const [k, v] of Object.entries((n[key] as object) ?? {})) yield* nodes(v, `${at}/${key}/${k}`);
  for (const key of ['items', 'additionalProperties']) if (n[key] && typeof n[key] === 'object') yield* nodes(n[key], `${at}/${key}`);
  for (const key of ['allOf', 'anyOf', 'oneOf']) if (Array.isArray(n[key])) yield* nodes(n[key], `${at}/${key}`);
}

const dateField = (schema: SchemaNode) => [...nodes(schema)].find(([, n]) => n.title === 'Rapporteringsdato')![1];
const monthField = (schema: SchemaNode) => [...nodes(schema)].find(([, n]) => n.title === 'Programstart')![1];

describe('the editor copy of a schema', () => {
  const editor = editorSchema(bundledSchema('aarsrapport-2012.schema.json'));

  it('takes every date that exists and no other, as ÅÅÅÅ-MM-DD', () => {
    const pattern = new RegExp(dateField(editor).pattern as string);
    const month = new RegExp(monthField(editor).pattern as string);
    for (let day = Date.UTC(1996, 0, 1); day <= Date.UTC(2040, 11, 31); day += 86_400_000) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(pattern.test(iso), iso).toBe(true);
      expect(month.test(iso), iso).toBe(true);
    }
    for (const wrong of [
      '2013-02-29',
      '2013-02-30',
      '2012-02-30',
      '2013-04-31',
      '2013-13-01',
      '2013-00-10',
      '2013-01-00',
      '18.02.2013',
      '2013-2-18',
      ' 2013-02-18',
      '2013-02-18x',
    ]) {
      expect(pattern.test(wrong), wrong).toBe(false);
      expect(month.test(wrong), wrong).toBe(false);
    }
    expect(month.test('2010-11')).toBe(true);
    expect(pattern.test('2010-11')).toBe(false);
    expect(month.test('2010-13')).toBe(false);
  });

  it('carries Norwegian messages and the title in the description, and keeps every rule', () => {
    expect(dateField(editor).patternErrorMessage).toMatch(/^Skriv datoen som ÅÅÅÅ-MM-DD/);
    // A date YAML reads as a number (11.2010) is a wrong type, and gets the same words.
    expect(monthField(editor).errorMessage).toBe(monthField(editor).patternErrorMessage);
    // A count: the shared definition says what to write, the field leads its description with its title.
    expect((editor.$defs as Record<string, SchemaNode>).felles_antall!.errorMessage).toBe(
      'Skriv et helt tall, uten mellomrom, punktum eller %, eller null hvis det ikke er kjent (ikke 0).',
    );
    const januar = [...nodes(editor)].find(([, n]) => n.title === 'Januar')![1];
    expect(januar.markdownDescription).toMatch(/^\*\*Januar\*\* – Antall bostøttemottakere i januar/);
  });

  it('is what the build writes to schemas/ and what `schema --editor` prints; `schema` alone prints the plain one', async () => {
    const { readFileSync } = await import('node:fs');
    const { ROOT } = await import('../helpers.js');
    const written = JSON.parse(readFileSync(`${ROOT}/schemas/aarsrapport-2012.schema.json`, 'utf8'));
    expect(written).toEqual(editor);
    expect(JSON.parse((await runMain(['schema', 'aarsrapport-2012', '--editor'])).stdout)).toEqual(editor);
    expect(JSON.stringify(JSON.parse((await runMain(['schema', 'aarsrapport-2012'])).stdout))).not.toMatch(/patternErrorMessage|markdownDescription|"errorMessage"/);
  });
});

describe('the schemas bosoreport validates with', () => {
  it('hold no editor keywords, and every object in every form has a description', () => {
    for (const form of FORMS.forms) {
      const schema = bundledSchema(form.schemaId);
      expect(JSON.stringify(schema), form.id).not.toMatch(/patternErrorMessage|markdownDescription|"errorMessage"/);
      const bare = [...nodes(schema)]
        .filter(([at, n]) => (n.properties !== undefined || n.type === 'object') && !n.description && !/\/(allOf|anyOf|oneOf)\//.test(at))
        .map(([at]) => at);
      expect(bare, form.id).toEqual([]);
    }
  });
});
