import { createRequire } from 'node:module';
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { woffToSfnt } from './woff-to-sfnt.js';

const require = createRequire(import.meta.url);

/**
 * Noto Sans SC from the @fontsource package: its "chinese-simplified" files cover GB 2312 plus
 * ASCII and the common CJK punctuation (about 8,200 glyphs), so certificates and reports render
 * on a fresh machine with no system fonts. pdfkit embeds only the glyphs a document uses. The
 * files are unpacked from WOFF once per process (woff-to-sfnt.ts): it makes each PDF fast.
 */
function fontFile(weight: 400 | 700): string {
  return require.resolve(`@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-${weight}-normal.woff`);
}

let fonts: { regular: Buffer; bold: Buffer } | null = null;
function loadFonts() {
  fonts ??= { regular: woffToSfnt(fs.readFileSync(fontFile(400))), bold: woffToSfnt(fs.readFileSync(fontFile(700))) };
  return fonts;
}

/** The font names a document built by renderPdf knows. */
export const PDF_FONT = { regular: 'qd-regular', bold: 'qd-bold' } as const;

export interface PdfOptions {
  title: string;
  author?: string;
  subject?: string;
  size?: 'A4' | 'A3';
  layout?: 'portrait' | 'landscape';
  margin?: number;
}

/**
 * Builds a PDF with pdfkit: `build` draws on a document whose fonts render Chinese (regular by
 * default; `doc.font(PDF_FONT.bold)` for bold) and the result comes back as one Buffer.
 * The creation date is fixed by `createdAt` when given, so the same input gives the same bytes.
 */
export async function renderPdf(
  options: PdfOptions & { createdAt?: Date },
  build: (doc: PDFKit.PDFDocument) => void | Promise<void>,
): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 56,
    info: {
      Title: options.title,
      Author: options.author ?? '质量强区数字化平台 Quality District',
      Subject: options.subject ?? '',
      Creator: 'Quality District',
      ...(options.createdAt ? { CreationDate: options.createdAt } : {}),
    },
    bufferPages: true,
  });
  doc.registerFont(PDF_FONT.regular, regular);
  doc.registerFont(PDF_FONT.bold, bold);
  doc.font(PDF_FONT.regular);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    await build(doc);
  } finally {
    doc.end();
  }
  return done;
}

/** Characters of `text` the embedded font has no glyph for (they would print as empty boxes). */
export function missingGlyphs(text: string): string[] {
  const font = loadFontkit();
  return [...new Set([...text].filter((c) => !/\s/.test(c) && !font.hasGlyphForCodePoint(c.codePointAt(0)!)))];
}

let fontkitFont: { hasGlyphForCodePoint(cp: number): boolean } | null = null;
function loadFontkit() {
  // pdfkit depends on fontkit: the same parser answers which glyphs exist.
  const fontkit = require('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(cp: number): boolean } };
  fontkitFont ??= fontkit.create(loadFonts().regular);
  return fontkitFont;
}
