/**
 * What `init` writes beside a value it leaves for the author: `null  # fyll inn`. The same words in
 * bokmål and nynorsk. A value with this comment is not yet answered, which is not the same as
 * «unknown»: the checks ask for it to be filled in (ikke-utfylt), not for a reason (E1, W20).
 */
export const NOT_FILLED_IN = 'fyll inn';

/** Whether a comment beside a value is init's «fill this in», not the author's reason. */
export function isNotFilledIn(comment: string | undefined): boolean {
  return comment !== undefined && comment.trim().replace(/[.!]$/, '').toLowerCase() === NOT_FILLED_IN;
}
