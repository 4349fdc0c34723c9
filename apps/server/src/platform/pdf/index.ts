export { renderPdf, missingGlyphs, PDF_FONT, type PdfOptions } from './pdf.js';
