import type { DataPath } from '../load/positions.js';
import { formats } from './formats.js';
import type { SchemaNode } from './store.js';

// What kind of value a field asks for, read from its schema, so that a hint (src/humanize.ts) and
// `fix` (src/fix/plan.ts) read a mistyped value the same way.

/** A share or percentage («framdrift_prosent»): «80 %» there means 80. Any other whole-number field counts something. */
export function asksForShare(path: DataPath, node: SchemaNode): boolean {
  return /prosent|andel/i.test(String(path[path.length - 1] ?? '')) || /prosent|andel|%/i.test(node.title ?? '');
}

/** A number as YAML reads it plainly: digits, an optional decimal part and sign. */
const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number typed where the field wants text («vaar_ref: 2012001234», «id: 3», «0502»), as that text in
 * quotes: exactly what was typed, never the number YAML made of it (0502 would lose its zero), and
 * only when the text is one the field then accepts (its format, pattern and choices).
 */
export function numberAsText(typed: string, node: SchemaNode): string | undefined {
  if (!PLAIN_NUMBER.test(typed)) return undefined;
  const format = typeof node.format === 'string' ? (formats as Record<string, { validate(s: string): boolean }>)[node.format] : undefined;
  if (typeof node.format === 'string' && !format?.validate(typed)) return undefined;
  if (typeof node.pattern === 'string' && !new RegExp(node.pattern, 'u').test(typed)) return undefined;
  if (Array.isArray(node.enum) && !node.enum.includes(typed)) return undefined;
  return `"${typed}"`;
}
