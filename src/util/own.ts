/**
 * A fresh copy of a text. V8 keeps the whole source of a string cut out of it alive (and a message
 * built from such a piece keeps it too), so what outlives a report's check — its diagnostics, the
 * facts kept for the checks across reports — is copied: a batch of 10 000 reports otherwise keeps
 * thousands of report texts in memory until the end.
 */
export function own(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
