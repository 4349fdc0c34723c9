import { describe, expect, it } from 'vitest';
import { missingGlyphs, PDF_FONT, renderPdf } from './pdf.js';

describe('PDF with Chinese text', () => {
  it('embeds the Chinese font from the npm package and writes the text', async () => {
    const pdf = await renderPdf({ title: '平顶山高新区主任质量奖证书', createdAt: new Date('2026-12-01T00:00:00Z') }, (doc) => {
      doc.font(PDF_FONT.bold).fontSize(24).text('主任质量奖');
      doc.font(PDF_FONT.regular).fontSize(12).text('平顶山神马尼龙新材料有限公司 2026 ¥300,000');
    });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontFile3?|\/FontFile2/);
    expect(text).toContain('NotoSans');
    expect(pdf.length).toBeGreaterThan(2000);
  });

  it('names the characters the font cannot print', () => {
    expect(missingGlyphs('质量强区 ABC 123，。')).toEqual([]);
    expect(missingGlyphs('𠀀')).toEqual(['𠀀']);
  });
});
