import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { FORM_SCHEMA_ID } from '../../src/forms/form-yaml.js';
import { createAjv, exportName, schemaFingerprint } from '../../src/schema/ajv.js';
import { formats } from '../../src/schema/formats.js';
import { exampleText, FORMS, GJOVIK, LILLEHAMMER, ROOT, fuzzOptions } from '../helpers.js';

// The helpers load the built-in forms, which registers their schemas for the fingerprint.
const COMPILED = path.join(ROOT, 'dist/schema/compiled.cjs');
const load = () => createRequire(import.meta.url)(COMPILED) as { fingerprints: Record<string, string>; create(f: typeof formats): Record<string, ValidateFunction> };

describe('validators precompiled at build time', () => {
  it('exist after the build and were made from the current schemas', async () => {
    expect(existsSync(COMPILED)).toBe(true);
    const { fingerprints } = load();
    // Every form's schema, and form.yaml's (src/forms/form-yaml.ts), read for every form on every run.
    expect(Object.keys(fingerprints).sort()).toEqual([...FORMS.forms.map((f) => exportName(f.schemaId)), exportName(FORM_SCHEMA_ID)].sort());
    for (const f of FORMS.forms) expect(fingerprints[exportName(f.schemaId)], f.id).toBe(schemaFingerprint(f.schemaId));
  });

  it('report exactly what the run-time compiler reports, on valid and broken reports', async () => {
    const mod = load().create(formats);
    const ajv = createAjv();
    for (const [file, schema] of [
      [GJOVIK, 'aarsrapport-2012.schema.json'],
      [LILLEHAMMER, 'aars-og-halvaarsrapport-2011.schema.json'],
    ] as const) {
      const pre = mod[exportName(schema)]!;
      const run = ajv.getSchema(schema)!;
      const source = parse(exampleText(file));
      const keys = Object.keys(source);
      fc.assert(
        fc.property(fc.nat(keys.length - 1), fc.oneof(fc.constant(null), fc.string({ maxLength: 5 }), fc.integer(), fc.constant({})), (i, value) => {
          const data = parse(stringify({ ...source, [keys[i]!]: value }));
          const a = pre(data);
          const errorsA = (pre.errors ?? []).map((e: { instancePath: string; keyword: string }) => `${e.instancePath} ${e.keyword}`);
          const b = run(data);
          const errorsB = (run.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
          expect(a).toBe(b);
          expect(errorsA).toEqual(errorsB);
        }),
        fuzzOptions(60),
      );
      expect(pre(source)).toBe(true);
    }
  });
});
