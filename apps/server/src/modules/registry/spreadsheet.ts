import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * Reads the first sheet of an .xlsx or a .csv into header + rows of trimmed strings. Cell types
 * are flattened here (dates to YYYY-MM-DD, rich text to text) so validation sees one shape.
 */
export async function readSheet(buffer: Buffer, filename: string): Promise<{ headers: string[]; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  if (/\.csv$/i.test(filename)) {
    const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
    await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value, parserOptions: { trim: true } } as never);
  } else {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const all: string[][] = [];
  // ExcelJS's columnCount walks every row: read it once, not once per cell.
  const columnCount = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    for (let c = 1; c <= columnCount; c++) values.push(cellText(row.getCell(c).value));
    all[rowNumber - 1] = values;
  });
  const [headers = [], ...rows] = Array.from(all, (r) => r ?? []);
  return { headers, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates carry no zone: the calendar date is what the user typed.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if ('text' in value) return String(value.text).trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value).trim();
}

export async function writeSheet(sheetName: string, headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quality District';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((col, i) => (col.width = Math.min(40, Math.max(12, (headers[i]?.length ?? 8) * 2 + 4))));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
