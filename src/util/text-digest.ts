/**
 * A 64-bit digest of some texts, for telling a file edited after the build from the one built (the
 * precompiled validators' schemas). Not for security: nothing here guards against a made collision.
 * Written out because node:crypto costs about 2 ms of every start to load, more than the hashing.
 * Two 32-bit lanes (FNV-1a, and a multiply-xorshift with another seed) over the UTF-16 code units,
 * with each text's length, so texts moved across a boundary differ too.
 */
export function textDigest(texts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
    a = Math.imul(a ^ text.length, 0x01000193);
    b = Math.imul(b ^ text.length, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
