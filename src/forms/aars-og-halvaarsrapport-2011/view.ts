import type { Halvaarsrapport2011 } from './data.js';

/** The programme plan's status as blocks of text and tables; the activity table comes with the shared parts. */
export function viewHalvaarsrapport2011(data: Halvaarsrapport2011): Record<string, unknown> {
  const text = data.programplan_status;
  // Not answered (null): one empty block, which the template shows as the one word for that.
  const blocks = text === null ? [null] : typeof text === 'string' ? [text] : text;
  return { programplan: blocks.map((block) => (block === null || typeof block === 'string' ? { tekst: block } : block)) };
}
