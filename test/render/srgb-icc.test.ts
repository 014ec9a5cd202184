import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { withMetadata } from '../../src/render/pdf.js';
import { srgbProfile } from '../../src/render/srgb-icc.js';
import { pdfaProblems } from './pdfa-check.js';

const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at);
const u16 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint16(at);
const tag = (b: Uint8Array, sig: string) => {
  for (let i = 0; i < u32(b, 128); i++) {
    const at = 132 + 12 * i;
    if (String.fromCharCode(...b.subarray(at, at + 4)) === sig) return b.subarray(u32(b, at + 4), u32(b, at + 4) + u32(b, at + 8));
  }
  throw new Error(`no ${sig}`);
};

/** The output intent's profile: a display profile with the sRGB primaries and tone curve. */
describe('the sRGB profile', () => {
  const icc = srgbProfile();

  it('is an ICC v2 RGB display profile of its stated size', () => {
    expect(u32(icc, 0)).toBe(icc.length);
    expect(u32(icc, 8)).toBe(0x02100000);
    expect(String.fromCharCode(...icc.subarray(12, 24))).toBe('mntrRGB XYZ ');
    expect(String.fromCharCode(...icc.subarray(36, 40))).toBe('acsp');
    expect(new TextDecoder().decode(tag(icc, 'desc').subarray(12, 29))).toBe('sRGB IEC61966-2.1');
  });

  it('has the sRGB primaries adapted to D50, summing to the D50 white', () => {
    const xyz = (sig: string) => [8, 12, 16].map((o) => new DataView(tag(icc, sig).buffer, tag(icc, sig).byteOffset).getInt32(o) / 65536);
    const [r, g, b] = [xyz('rXYZ'), xyz('gXYZ'), xyz('bXYZ')];
    expect(r[0]).toBeCloseTo(0.4361, 3);
    const white = [0, 1, 2].map((i) => r[i]! + g[i]! + b[i]!);
    expect(white[0]).toBeCloseTo(0.9642, 3);
    expect(white[1]).toBeCloseTo(1, 3);
    expect(white[2]).toBeCloseTo(0.8249, 3);
  });

  it('has the sRGB tone curve: black, white, and mid grey at 21.4 % of linear light', () => {
    const curve = tag(icc, 'rTRC');
    const n = u32(curve, 8);
    const at = (i: number) => u16(curve, 12 + 2 * i) / 65535;
    expect(at(0)).toBe(0);
    expect(at(n - 1)).toBe(1);
    expect(at(Math.round((n - 1) * (128 / 255)))).toBeCloseTo(0.2158, 2);
  });
});

describe('PDF/A for a PDF laid out otherwise than Chromium writes it', () => {
  it('is made with pdf-lib, with the same checks passing', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const withStreams = await doc.save({ useObjectStreams: true });
    const meta = { title: 'Årsrapport 2012 – Gjøvik kommune', author: 'Ola', subject: 'Boligsosialt utviklingsprogram', keywords: ['Husbanken'] };
    expect(await pdfaProblems(await withMetadata(withStreams, meta))).toEqual([]);
  });
});
