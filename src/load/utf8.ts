import { isAscii, transcode } from 'node:buffer';
/**
 * Byte offset of the first byte that is not valid UTF-8, or -1 when all of it is.
 * Used only after the fast TextDecoder check has failed, to point the user at the bad character
 * (typically an «ø» saved by an editor in Windows-1252).
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= bytes.length) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column (1-based, columns in characters) of a byte offset in text that is valid up to it. */
export function bytePosition(bytes: Uint8Array, offset: number): { line: number; col: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, col: [...lines[lines.length - 1]!].length + 1 };
}

/**
 * Bytes already known to be valid UTF-8, as text. V8's own UTF-8 decoder takes about 35 µs for a
 * 23 kB report with a few letters past U+00FF (a dash, «…»); ICU's conversion to UTF-16 and a plain
 * copy take 9 µs, and ASCII is copied as it is. Without ICU (a Node built without it) the usual way.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buffer)) return buffer.toString('latin1');
  try {
    return transcode(buffer, 'utf8', 'utf16le').toString('utf16le');
  } catch {
    return buffer.toString('utf8');
  }
}
