import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ENTERPRISE_COLUMNS, SIZE_LABELS, STATUS_LABELS } from '@qd/core';
import type { EnterpriseTransferService } from '../../apps/server/src/modules/registry/index.js';
import type { RequestContext } from '../../apps/server/src/platform/request-context.js';
import { generateEnterprises } from '../../apps/server/src/seed/enterprise-generator.js';
import type { ImportTiming } from './protocol.js';

/** Far from the loaded enterprises' serials, so every imported credit code is new. */
const IMPORT_SERIAL_BASE = 5_000_000;

/** A spreadsheet in the export's columns, as a district office would upload it. */
export async function enterpriseFile(rows: number, regionCode: string, format: 'xlsx' | 'csv'): Promise<Buffer> {
  const header = ENTERPRISE_COLUMNS.map((c) => c.zh);
  const data = generateEnterprises(rows, regionCode, 20_260_101, IMPORT_SERIAL_BASE).map((e) => [
    e.name,
    e.creditCode,
    e.regionCode,
    e.industrySection,
    e.industryCode,
    SIZE_LABELS[e.size as keyof typeof SIZE_LABELS].zh,
    e.address,
    e.foundedOn,
    STATUS_LABELS[e.status].zh,
    e.legalRepresentative,
    e.mainProducts,
  ]);
  if (format === 'csv') {
    // The generated values hold no commas or quotes.
    return Buffer.from([header, ...data].map((r) => r.join(',')).join('\n'), 'utf8');
  }
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(header).commit();
  for (const row of data) sheet.addRow(row).commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Times one all-or-nothing import through the enterprise transfer service, by phase. */
export async function timeImport(
  transfer: EnterpriseTransferService,
  ctx: RequestContext,
  rows: number,
  regionCode: string,
  format: 'xlsx' | 'csv',
): Promise<ImportTiming> {
  const generating = performance.now();
  const buffer = await enterpriseFile(rows, regionCode, format);
  const started = performance.now();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
  let validating: number | null = null;
  let validated: number | null = null;
  const result = await transfer.importEnterprises(ctx, { buffer, filename: `bench.${format}` }, (phase, done, total) => {
    validating ??= performance.now();
    if (phase === 'validate' && done === total) validated = performance.now();
  });
  const ended = performance.now();
  clearInterval(sampler);
  if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows} rows`);
  const s = (ms: number) => ms / 1000;
  return {
    rows,
    format,
    fileMb: buffer.length / 1024 / 1024,
    peakRssMb: Math.max(peakRss, process.memoryUsage().rss) / 1024 / 1024,
    generateSeconds: s(started - generating),
    readSeconds: s((validating ?? started) - started),
    validateSeconds: s((validated ?? ended) - (validating ?? started)),
    writeSeconds: s(ended - (validated ?? ended)),
    totalSeconds: s(ended - started),
  };
}
