import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { loadSchemas } from './schemas.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as FormatsPlugin;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** A real calendar date (2015-06-31 is not) in ISO form. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Programstart may be known only to the month («November 2010» → 2010-11). */
export function isDateOrMonth(value: string): boolean {
  const m = MONTH.exec(value);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return isIsoDate(value);
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv, ['email', 'uri']);
  ajv.addFormat('date', { type: 'string', validate: isIsoDate });
  ajv.addFormat('dato-eller-maaned', { type: 'string', validate: isDateOrMonth });
  for (const schema of loadSchemas().values()) ajv.addSchema(schema);
  return ajv;
}

/** The compiled validator for one form's schema, compiled once per process. */
export function validatorFor(schemaId: string): ValidateFunction {
  let fn = compiled.get(schemaId);
  if (!fn) {
    fn = instance().getSchema(schemaId);
    if (!fn) throw new Error(`schema ${schemaId} is not loaded`);
    compiled.set(schemaId, fn);
  }
  return fn;
}
