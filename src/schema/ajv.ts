import { createRequire } from 'node:module';
import type { Ajv2020, Options, ValidateFunction } from 'ajv/dist/2020.js';
import { textDigest } from '../util/text-digest.js';
import { formats } from './formats.js';
import { builtinSchemas, loadSchemas, schemaText } from './store.js';

export const AJV_OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true, verbose: true };

/** Names the precompiled module exports, one per schema file. */
export function exportName(schemaFile: string): string {
  return schemaFile.replace(/\.schema\.json$/, '').replace(/[^A-Za-z0-9]/g, '_');
}

/** The shared schema every form's schema refers to: part of each form schema's fingerprint. */
const SHARED = 'felles.schema.json';

/**
 * A fingerprint of one form's schema and the shared definitions it uses, so a validator compiled at
 * build time is not used for a schema edited since (a 64-bit digest: two different texts share one by
 * chance about once in 2^64). One per schema: a run checks only what it validates.
 */
export function schemaFingerprint(schemaId: string): string {
  return textDigest([schemaId, schemaText(schemaId) ?? '', SHARED, schemaText(SHARED) ?? '']);
}

/** An ajv instance with every built-in schema and format; the build uses it too, to write the precompiled module. */
export function createAjv(extra: Options = {}): Ajv2020 {
  // Loaded only when a schema must be compiled here: with precompiled validators, ajv's compiler
  // (about 40 ms of module loading) is never needed.
  const { Ajv2020: Compiler } = createRequire(import.meta.url)('ajv/dist/2020') as typeof import('ajv/dist/2020.js');
  const ajv = new Compiler({ ...AJV_OPTIONS, ...extra });
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format);
  for (const schema of builtinSchemas()) ajv.addSchema(schema);
  return ajv;
}

// Validators compiled at build time (dist/validate/compiled.cjs): compiling the schemas with ajv at
// start-up took about 140 ms of every run. Used only when made from exactly these schema files;
// loaded on first use, so commands that validate nothing never read them.
type Precompiled = Record<string, ValidateFunction>;
type CompiledModule = { fingerprints: Record<string, string>; create(f: typeof formats): Precompiled };
/** The bundle carries the compiled module in itself (src/build/bundle.ts), so V8's code cache covers it. */
declare const BOSOREPORT_COMPILED: CompiledModule | undefined;
let module: { mod: CompiledModule; validators?: Precompiled } | null | undefined;

/** The validator compiled at build time for this schema, when it was made from exactly this schema. */
function precompiledFor(schemaId: string): ValidateFunction | undefined {
  if (module === undefined) {
    try {
      // Otherwise the file, by the same path from dist/schema/ and from dist/cli/.
      module = { mod: typeof BOSOREPORT_COMPILED !== 'undefined' ? BOSOREPORT_COMPILED : (createRequire(import.meta.url)('../schema/compiled.cjs') as CompiledModule) };
    } catch {
      module = null; // running from source, or not built: compile at run time
    }
  }
  const name = exportName(schemaId);
  if (!module || module.mod.fingerprints?.[name] !== schemaFingerprint(schemaId)) return undefined;
  module.validators ??= module.mod.create(formats);
  return module.validators[name];
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

/**
 * The validator for one form's schema: precompiled for the built-in forms, else compiled once per
 * process (a form from a reports repository). Throws ajv's error when the schema does not compile.
 */
export function validatorFor(schemaId: string): ValidateFunction {
  let fn = compiled.get(schemaId) ?? precompiledFor(schemaId);
  if (!fn) {
    ajv ??= createAjv();
    // A schema registered after the compiler was made (a repository's form) joins it now.
    const schema = loadSchemas().get(schemaId);
    if (!ajv.getSchema(schemaId) && schema) ajv.addSchema(schema);
    fn = ajv.getSchema(schemaId);
    if (!fn) throw new Error(`schema ${schemaId} is not loaded`);
  }
  compiled.set(schemaId, fn);
  return fn;
}

/** Why a repository's schema cannot be used, with where: a schema path (meta-schema errors) or a word to look for. */
export interface SchemaProblem {
  message: string;
  instancePath?: string;
  keyword?: string;
}

/** Compiles a repository's schema once, now, so that its problems are reported before any report is checked. */
export function checkSchema(schemaId: string): SchemaProblem | undefined {
  const schema = loadSchemas().get(schemaId);
  if (!schema) return { message: `schema ${schemaId} is not loaded` };
  ajv ??= createAjv();
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema) === true;
  } catch (error) {
    // A meta-schema ajv does not have ($schema of another draft, nested in a sub-schema too).
    return { message: (error as Error).message.split('\n')[0]!, keyword: '$schema' };
  }
  if (!valid) {
    const e = ajv.errors?.[0];
    return { message: `${e?.instancePath || '/'} ${e?.message ?? 'is not a valid JSON Schema'}`, ...(e ? { instancePath: e.instancePath } : {}) };
  }
  try {
    if (!ajv.getSchema(schemaId)) ajv.addSchema(schema);
    const fn = ajv.getSchema(schemaId);
    if (!fn) return { message: `schema ${schemaId} did not compile` };
    compiled.set(schemaId, fn);
    return undefined;
  } catch (error) {
    ajv.removeSchema(schemaId);
    const e = error as Error & { missingRef?: string };
    const keyword = e.missingRef ?? /keyword: "?([^"\s]+)"?/.exec(e.message)?.[1] ?? /"([^"]+)"/.exec(e.message)?.[1];
    return { message: e.message.split('\n')[0]!, ...(keyword ? { keyword } : {}) };
  }
}
