/** Edit distance (insertions, deletions, substitutions), for «did you mean» suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** How a user might type a key: «Programansvarlig», «Gjennomført», «status behov» → the form's ASCII snake_case. */
export function asciiKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

/**
 * The candidate the user most likely meant, or undefined when nothing is close enough.
 * Tries the ASCII form of what was typed, then containment, then edit distance.
 */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const key = asciiKey(input);
  const exact = candidates.find((c) => c === key);
  if (exact) return exact;
  if (key.length >= 4) {
    const containing = candidates.filter((c) => c.includes(key) || (key.includes(c) && c.length >= 4));
    if (containing.length === 1) return containing[0];
  }
  // Abbreviations («rapportdato» for «rapporteringsdato»): same start, letters in order.
  if (key.length >= 5) {
    const abbreviating = candidates.filter((c) => c.startsWith(key.slice(0, 4)) && isSubsequence(key, c));
    if (abbreviating.length === 1) return abbreviating[0];
  }
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(key, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const allowed = Math.max(2, Math.floor(Math.max(key.length, 1) / 3));
  return bestDistance <= allowed ? best : undefined;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * `closest`, but only when no other candidate is as close: the suggestion `fix` may act on without
 * asking (a did-you-mean a person reads may be a guess; an edit made for them may not).
 */
export function closestUnique(input: string, candidates: readonly string[]): string | undefined {
  const best = closest(input, candidates);
  if (best === undefined) return undefined;
  const key = asciiKey(input);
  if (best === key) return best;
  const distance = editDistance(key, best);
  return candidates.some((c) => c !== best && editDistance(key, c) <= distance) ? undefined : best;
}
