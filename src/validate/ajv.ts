import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { formats } from './formats.js';
import { loadSchemas, schemaSources } from './schemas.js';

export const AJV_OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

/** Names the precompiled module exports, one per schema file. */
export function exportName(schemaFile: string): string {
  return schemaFile.replace(/\.schema\.json$/, '').replace(/[^A-Za-z0-9]/g, '_');
}

/** A fingerprint of the schema files, so validators compiled from other schemas are never used. */
export function schemaFingerprint(): string {
  const hash = createHash('sha256');
  for (const [name, text] of schemaSources()) hash.update(name).update('\0').update(text).update('\0');
  return hash.digest('hex');
}

/** An ajv instance with every schema and format; the build uses it too, to write the precompiled module. */
export function createAjv(extra: Options = {}): Ajv2020 {
  // Loaded only when a schema must be compiled here: with precompiled validators, ajv's compiler
  // (about 40 ms of module loading) is never needed.
  const { Ajv2020: Compiler } = createRequire(import.meta.url)('ajv/dist/2020') as typeof import('ajv/dist/2020.js');
  const ajv = new Compiler({ ...AJV_OPTIONS, ...extra });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  for (const schema of loadSchemas().values()) ajv.addSchema(schema);
  return ajv;
}

// Validators compiled at build time (dist/validate/compiled.cjs): compiling the schemas with ajv at
// start-up took about 140 ms of every run. Used only when made from exactly these schema files;
// loaded on first use, so commands that validate nothing never read them.
type Precompiled = Record<string, ValidateFunction>;
type CompiledModule = { fingerprint: string; create(f: typeof formats): Precompiled };
/** The bundle carries the compiled module in itself (src/build/bundle.ts), so V8's code cache covers it. */
declare const BOSOREPORT_COMPILED: CompiledModule | undefined;
let precompiled: Precompiled | null | undefined;
function loadPrecompiled(): Precompiled | null {
  if (precompiled !== undefined) return precompiled;
  try {
    // Otherwise the file, by the same path from dist/validate/ and from dist/cli/.
    const mod = typeof BOSOREPORT_COMPILED !== 'undefined' ? BOSOREPORT_COMPILED : (createRequire(import.meta.url)('../validate/compiled.cjs') as CompiledModule);
    precompiled = mod.fingerprint === schemaFingerprint() ? mod.create(formats) : null;
  } catch {
    precompiled = null; // running from source, or not built: compile at run time
  }
  return precompiled;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/** The validator for one form's schema: precompiled, or compiled once per process. */
export function validatorFor(schemaId: string): ValidateFunction {
  let fn = compiled.get(schemaId) ?? loadPrecompiled()?.[exportName(schemaId)];
  if (!fn) {
    ajv ??= createAjv();
    fn = ajv.getSchema(schemaId);
    if (!fn) throw new Error(`schema ${schemaId} is not loaded`);
  }
  compiled.set(schemaId, fn);
  return fn;
}
