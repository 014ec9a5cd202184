import type { Halvaarsrapport2011 } from './data.js';

/** The programme plan's status as blocks of text and tables; the activity table comes with the shared parts. */
export function viewHalvaarsrapport2011(data: Halvaarsrapport2011): Record<string, unknown> {
  const text = data.programplan_status;
  return { programplan: (typeof text === 'string' ? [text] : text).map((block) => (typeof block === 'string' ? { tekst: block } : block)) };
}
