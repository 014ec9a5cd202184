/**
 * An sRGB ICC profile (version 2, display class), made here from the published sRGB definition
 * (IEC 61966-2-1: the D50-adapted primaries and the piecewise tone curve), for the PDF/A output
 * intent: PDF/A asks for an embedded profile of the colour space the pages are printed in, and
 * Chromium prints in sRGB. Made in code rather than shipped as a binary file of unknown licence.
 */

/** The sRGB tone curve, encoded value → linear light, both 0–1. */
function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

class Writer {
  private readonly bytes: number[] = [];
  get length(): number {
    return this.bytes.length;
  }
  u8(n: number): void {
    this.bytes.push(n & 0xff);
  }
  u16(n: number): void {
    this.u8(n >>> 8);
    this.u8(n);
  }
  u32(n: number): void {
    this.u16(n >>> 16);
    this.u16(n & 0xffff);
  }
  ascii(text: string): void {
    for (const c of text) this.u8(c.charCodeAt(0));
  }
  /** A signed 15.16 fixed-point number. */
  s15f16(n: number): void {
    this.u32(Math.round(n * 65536) >>> 0);
  }
  pad(): void {
    while (this.bytes.length % 4) this.u8(0);
  }
  setU32(at: number, n: number): void {
    this.bytes[at] = (n >>> 24) & 0xff;
    this.bytes[at + 1] = (n >>> 16) & 0xff;
    this.bytes[at + 2] = (n >>> 8) & 0xff;
    this.bytes[at + 3] = n & 0xff;
  }
  done(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const D50 = [0.9642, 1.0, 0.8249];
/** The sRGB primaries as XYZ, adapted to D50 (Bradford), as ICC profiles carry them. */
const PRIMARIES: Record<'rXYZ' | 'gXYZ' | 'bXYZ', number[]> = {
  rXYZ: [0.436065, 0.222488, 0.013916],
  gXYZ: [0.385147, 0.716873, 0.097076],
  bXYZ: [0.143066, 0.060608, 0.714096],
};
export const SRGB_DESCRIPTION = 'sRGB IEC61966-2.1';

let made: Uint8Array | undefined;

/** The profile's bytes; the same on every call and every machine. */
export function srgbProfile(): Uint8Array {
  if (made) return made;
  const tags: { sig: string; data: (w: Writer) => void }[] = [
    {
      sig: 'desc',
      data: (w) => {
        // textDescriptionType: an ASCII description, then empty Unicode and ScriptCode parts.
        w.ascii('desc');
        w.u32(0);
        w.u32(SRGB_DESCRIPTION.length + 1);
        w.ascii(SRGB_DESCRIPTION);
        w.u8(0);
        w.u32(0);
        w.u32(0);
        w.u16(0);
        w.u8(0);
        for (let i = 0; i < 67; i++) w.u8(0);
      },
    },
    {
      sig: 'cprt',
      data: (w) => {
        w.ascii('text');
        w.u32(0);
        w.ascii('No copyright, use freely');
        w.u8(0);
      },
    },
    { sig: 'wtpt', data: (w) => xyz(w, D50) },
    ...(Object.entries(PRIMARIES) as [string, number[]][]).map(([sig, value]) => ({ sig, data: (w: Writer) => xyz(w, value) })),
    ...['rTRC', 'gTRC', 'bTRC'].map((sig) => ({ sig, data: curve })),
  ];

  const w = new Writer();
  // Header (128 bytes); the size is set once known.
  w.u32(0);
  w.u32(0); // preferred CMM: none
  w.u32(0x02100000); // version 2.1
  w.ascii('mntr');
  w.ascii('RGB ');
  w.ascii('XYZ ');
  for (const n of [2026, 1, 1, 0, 0, 0]) w.u16(n); // a fixed date: the same bytes on every build
  w.ascii('acsp');
  for (let i = 0; i < 6; i++) w.u32(0); // platform, flags, manufacturer, model, attributes (8 bytes)
  w.u32(0); // rendering intent: perceptual
  for (const n of D50) w.s15f16(n);
  w.u32(0); // creator
  while (w.length < 128) w.u8(0);

  // Tag table, then the tags' data, each on a 4-byte boundary.
  w.u32(tags.length);
  const entries = w.length;
  for (let i = 0; i < tags.length; i++) {
    w.ascii(tags[i]!.sig);
    w.u32(0);
    w.u32(0);
  }
  tags.forEach((tag, i) => {
    w.pad();
    const start = w.length;
    tag.data(w);
    w.setU32(entries + i * 12 + 4, start);
    w.setU32(entries + i * 12 + 8, w.length - start);
  });
  w.pad();
  w.setU32(0, w.length);
  made = w.done();
  return made;
}

function xyz(w: Writer, [x, y, z]: number[]): void {
  w.ascii('XYZ ');
  w.u32(0);
  w.s15f16(x!);
  w.s15f16(y!);
  w.s15f16(z!);
}

/** The tone curve as 1024 samples, enough that no 8-bit value lands between two of them visibly. */
function curve(w: Writer): void {
  const n = 1024;
  w.ascii('curv');
  w.u32(0);
  w.u32(n);
  for (let i = 0; i < n; i++) w.u16(Math.round(srgbToLinear(i / (n - 1)) * 65535));
}
