const memos: LastOne<object, unknown>[] = [];

/**
 * A memo for the report at hand: the value worked out for the last key asked, by identity. Several
 * rules ask the same question of one report in a row, and then the next report comes.
 *
 * Not a WeakMap keyed by the report: V8's young-generation collector keeps a WeakMap's young keys
 * and what their values hold alive, so every report (its parse, and through it its text) outlived
 * its check and went to the old generation, 80 MB per 1 000 reports, freed only by full collections
 * (a peak of 250 MB over 10 000). The engine lets go of every such memo as each check ends
 * (`forgetReport`), so no report is held past its check.
 */
export class LastOne<K extends object, V> {
  private key: K | undefined;
  private value: V | undefined;

  constructor() {
    memos.push(this);
  }

  forget(): void {
    this.key = undefined;
    this.value = undefined;
  }

  get(key: K): V | undefined {
    return this.key === key ? this.value : undefined;
  }

  set(key: K, value: V): V {
    this.key = key;
    this.value = value;
    return value;
  }
}

/** Lets go of the report every memo holds: its check is over. */
export function forgetReport(): void {
  for (const memo of memos) memo.forget();
}
