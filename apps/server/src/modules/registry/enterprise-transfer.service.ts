import crypto from 'node:crypto';
import {
  ENTERPRISE_COLUMNS,
  SIZE_LABELS,
  STATUS_LABELS,
  codeFromLabel,
  enterpriseColumnOf,
  enterpriseInput,
  isWithinRegion,
  translate,
  type EnterpriseColumnKey,
  type ImportResult,
  type ImportRowError,
  type OrganizationListQuery,
} from '@qd/core';
import { appendAudit } from '../../platform/audit/audit-writer.js';
import { authorize } from '../../platform/authorize.js';
import { AppError } from '../../platform/http/errors.js';
import { newId } from '../../platform/ids.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { readScope } from './registry-scope.js';
import * as repo from './registry.repo.js';
import { readSheet, writeSheet } from './spreadsheet.js';

export const MAX_IMPORT_ROWS = 200_000;
export const MAX_EXPORT_ROWS = 100_000;
/** A report of more errors than this is not read by anyone: the first ones are enough to fix the file. */
const MAX_REPORTED_ERRORS = 1000;

export interface ImportProgress {
  (phase: 'validate' | 'write', done: number, total: number): void;
}

export function createEnterpriseTransferService({ database }: ServiceDeps) {
  const { db } = database;

  return {
    /**
     * All or nothing: every row is validated first; one bad row and nothing is written, and the
     * caller gets each bad row's number, column and reason. Row numbers are the spreadsheet's.
     */
    async importEnterprises(
      ctx: RequestContext,
      file: { buffer: Buffer; filename: string },
      onProgress?: ImportProgress,
    ): Promise<ImportResult> {
      authorize(ctx.actor, 'registry.import');
      authorize(ctx.actor, 'registry.enterprise.write');
      const t = (key: string) => translate(key, ctx.locale);
      const columnLabel = (key: string) => {
        const c = ENTERPRISE_COLUMNS.find((col) => col.key === key);
        return c ? (ctx.locale === 'zh-CN' ? c.zh : c.en) : key;
      };

      if (!/\.(xlsx|csv)$/i.test(file.filename)) {
        throw new AppError(400, 'validation_failed', 'import.badFile', [{ path: 'file', message: 'import.badFile' }]);
      }
      let sheet: { headers: string[]; rows: string[][] };
      try {
        sheet = await readSheet(file.buffer, file.filename);
      } catch {
        throw new AppError(400, 'bad_file', 'import.badFile', [{ path: 'file', message: 'import.badFile' }]);
      }
      const columnIndex = new Map<EnterpriseColumnKey, number>();
      sheet.headers.forEach((h, i) => {
        const key = enterpriseColumnOf(h);
        if (key && !columnIndex.has(key)) columnIndex.set(key, i);
      });
      const errors: ImportRowError[] = [];
      for (const col of ENTERPRISE_COLUMNS) {
        if (col.required && !columnIndex.has(col.key))
          errors.push({ row: 1, column: columnLabel(col.key), message: t('validation.required') });
      }
      const dataRows = sheet.rows.map((cells, i) => ({ rowNumber: i + 2, cells })).filter((r) => r.cells.some((c) => c !== ''));
      if (errors.length === 0 && dataRows.length === 0) {
        throw new AppError(422, 'rule_violated', 'import.noRows', [{ path: 'file', message: 'import.noRows' }]);
      }
      if (dataRows.length > MAX_IMPORT_ROWS) {
        throw new AppError(422, 'rule_violated', 'import.tooManyRows', [{ path: 'file', message: 'import.tooManyRows' }]);
      }

      const regionCodes = new Set((await repo.listRegions(db, ctx.actor.regionCode)).map((r) => r.code));
      const seen = new Map<string, number>();
      const valid: repo.OrganizationInsert[] = [];
      for (const [index, { rowNumber, cells }] of errors.length ? [] : dataRows.entries()) {
        const raw: Record<string, string | undefined> = {};
        for (const [key, i] of columnIndex) raw[key] = cells[i] === '' ? undefined : cells[i];
        const candidate = {
          ...raw,
          size: raw.size ? codeFromLabel(SIZE_LABELS, raw.size) : undefined,
          status: raw.status ? codeFromLabel(STATUS_LABELS, raw.status) : undefined,
          industrySection: raw.industrySection?.trim().toUpperCase().slice(0, 1),
        };
        const parsed = enterpriseInput.safeParse(candidate);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            errors.push({ row: rowNumber, column: columnLabel(String(issue.path[0] ?? '')), message: t(issue.message) });
          }
        } else {
          const e = parsed.data;
          if (!regionCodes.has(e.regionCode) || !isWithinRegion(ctx.actor.regionCode, e.regionCode)) {
            errors.push({ row: rowNumber, column: columnLabel('regionCode'), message: t('regionCode.unknown') });
          }
          const firstRow = seen.get(e.creditCode);
          if (firstRow) {
            errors.push({
              row: rowNumber,
              column: columnLabel('creditCode'),
              message: `${t('import.duplicateInFile')} (${firstRow})`,
            });
          } else {
            seen.set(e.creditCode, rowNumber);
          }
          valid.push({
            id: newId(),
            kind: 'enterprise',
            regionCode: e.regionCode,
            name: e.name,
            creditCode: e.creditCode,
            address: e.address,
            status: e.status,
            industrySection: e.industrySection,
            industryCode: e.industryCode,
            size: e.size,
            foundedOn: e.foundedOn,
            legalRepresentative: e.legalRepresentative ?? null,
            mainProducts: e.mainProducts ?? null,
            createdAt: new Date(),
            updatedAt: new Date(),
          });
        }
        if (errors.length >= MAX_REPORTED_ERRORS) break;
        if (index % 5000 === 0) onProgress?.('validate', index, dataRows.length);
      }
      onProgress?.('validate', dataRows.length, dataRows.length);

      // Checked whatever else is wrong, so that one report names every bad row of the file.
      const existing = await repo.existingCreditCodes(db, [...seen.keys()]);
      for (const code of existing) {
        errors.push({ row: seen.get(code)!, column: columnLabel('creditCode'), message: t('creditCode.duplicate') });
      }
      if (errors.length > 0) {
        errors.sort((a, b) => a.row - b.row);
        throw new AppError(
          422,
          'import_rows_invalid',
          'import.rowsInvalid',
          errors.slice(0, 100).map((e) => ({ path: `row ${e.row}: ${e.column}`, message: e.message })),
          { rows: errors.slice(0, MAX_REPORTED_ERRORS) },
        );
      }

      const checksum = crypto.createHash('sha256').update(file.buffer).digest('hex');
      await db.transaction(async (tx) => {
        await repo.bulkInsertEnterprises(tx, valid);
        await appendAudit(tx, ctx, {
          action: 'registry.enterprise.import',
          targetType: 'organization',
          detail: { filename: file.filename, sha256: checksum, rows: valid.length },
        });
      });
      onProgress?.('write', valid.length, valid.length);
      return { imported: valid.length, errors: [] };
    },

    /** The filtered list as .xlsx, in the same columns the import reads. */
    async exportEnterprises(
      ctx: RequestContext,
      query: OrganizationListQuery,
    ): Promise<{ filename: string; buffer: Buffer; rows: number }> {
      authorize(ctx.actor, 'registry.export');
      const scope = readScope(ctx.actor);
      const filter = { kind: 'enterprise' as const, scope, ...query };
      const total = await repo.countOrganizations(db, filter);
      if (total > MAX_EXPORT_ROWS) {
        throw new AppError(422, 'rule_violated', 'import.tooManyRows', [{ path: 'keyword', message: 'import.tooManyRows' }]);
      }
      const rows = await repo.allOrganizations(db, filter, MAX_EXPORT_ROWS);
      const zh = ctx.locale === 'zh-CN';
      const label = (l: { zh: string; en: string } | undefined, fallback: string | null) =>
        l ? (zh ? l.zh : l.en) : (fallback ?? '');
      const buffer = await writeSheet(
        zh ? '企业名录' : 'Enterprises',
        ENTERPRISE_COLUMNS.map((c) => (zh ? c.zh : c.en)),
        rows.map((r) => [
          r.name,
          r.creditCode,
          r.regionCode,
          r.industrySection,
          r.industryCode,
          label(SIZE_LABELS[r.size as keyof typeof SIZE_LABELS], r.size),
          r.address,
          r.foundedOn,
          label(STATUS_LABELS[r.status], r.status),
          r.legalRepresentative,
          r.mainProducts,
        ]),
      );
      await db.transaction((tx) =>
        appendAudit(tx, ctx, {
          action: 'registry.enterprise.export',
          targetType: 'organization',
          detail: { rows: rows.length, filter: { ...query, current: undefined, pageSize: undefined } },
        }),
      );
      const date = new Date().toISOString().slice(0, 10);
      return { filename: `enterprises-${date}.xlsx`, buffer, rows: rows.length };
    },
  };
}

export type EnterpriseTransferService = ReturnType<typeof createEnterpriseTransferService>;
