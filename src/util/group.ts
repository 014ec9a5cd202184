/**
 * Items grouped by a key in one pass, each group in the items' order. Filtering the whole list once
 * per key made the overview quadratic in the number of reports (10 000 reports: 18× the time of 1 000).
 */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
