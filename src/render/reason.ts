import { t, type Lang } from '../messages/index.js';

/**
 * Why the browser failed, in a line the user can act on: puppeteer's own first line, except for a
 * timeout (whose advice names puppeteer's settings), which the user sets with --timeout.
 */
export function browserReason(error: unknown, lang: Lang, timeoutMs: number): string {
  const first = ((error as Error)?.message ?? String(error)).split('\n')[0]!.replace(/\.+$/, '');
  return /timed? ?out/i.test(first) ? t(lang, 'render/timed-out', { seconds: timeoutMs / 1000 }) : first;
}
