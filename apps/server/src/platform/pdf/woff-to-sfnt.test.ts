import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { woffToSfnt } from './woff-to-sfnt.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as {
  create(b: Buffer): {
    numGlyphs: number;
    postscriptName: string;
    glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  };
};

describe('WOFF unpacking', () => {
  const woff = fs.readFileSync(require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'));

  it('gives the OpenType font the WOFF wraps: same glyphs, same metrics', () => {
    const sfnt = woffToSfnt(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavour ('OTTO' for CFF)
    const packed = fontkit.create(woff);
    const unpacked = fontkit.create(sfnt);
    expect(unpacked.numGlyphs).toBe(packed.numGlyphs);
    expect(unpacked.postscriptName).toBe(packed.postscriptName);
    for (const c of '质量强区A1，') {
      const a = packed.glyphForCodePoint(c.codePointAt(0)!);
      const b = unpacked.glyphForCodePoint(c.codePointAt(0)!);
      expect([b.id, b.advanceWidth]).toEqual([a.id, a.advanceWidth]);
    }
  });

  it('refuses what is not WOFF 1.0', () => {
    expect(() => woffToSfnt(Buffer.from('OTTO and the rest of a font file'))).toThrow(/WOFF/);
  });
});
