import { t, type Lang } from '../messages/index.js';

/**
 * Why the browser failed, in a line the user can act on: puppeteer's own first line, except for a
 * timeout (whose advice names puppeteer's settings), which the user sets with --timeout.
 */
export function browserReason(error: unknown, lang: Lang, timeoutMs: number): string {
  const first = firstLine(error);
  return TIMED_OUT.test(first) ? t(lang, 'render/timed-out', { seconds: timeoutMs / 1000 }) : first;
}

const TIMED_OUT = /timed? ?out/i;

const firstLine = (error: unknown) => ((error as Error)?.message ?? String(error)).split('\n')[0]!.replace(/\.+$/, '');

/** Whether the browser ran out of time (which more --timeout may mend), rather than failed. */
export function timedOut(error: unknown): boolean {
  return TIMED_OUT.test(firstLine(error));
}
