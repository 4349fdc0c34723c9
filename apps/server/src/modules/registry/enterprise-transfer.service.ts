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
import type { Executor } from '../../platform/db/database.js';
import type { RequestContext } from '../../platform/request-context.js';
import type { ServiceDeps } from '../../platform/services.js';
import { readScope } from './registry-scope.js';
import * as repo from './registry.repo.js';
import { readSheetRows, writeSheet, type SheetRow } from './spreadsheet.js';

export const MAX_IMPORT_ROWS = 200_000;
export const MAX_EXPORT_ROWS = 100_000;
/** A report of more errors than this is not read by anyone: the first ones are enough to fix the file. */
const MAX_REPORTED_ERRORS = 1000;
/** Rows validated, checked and written together: one unnest insert each, memory bounded by it. */
const IMPORT_BATCH = 5000;

/** Thrown inside the import's transaction to roll it back; reported as the rows' errors. */
class RowsInvalid extends Error {}

export interface ImportProgress {
  (phase: 'validate' | 'write', done: number, total: number): void;
}

export function createEnterpriseTransferService({ database }: ServiceDeps) {
  const { db } = database;

  return {
    /**
     * All or nothing, in one transaction: the file is read as a stream and each batch of rows is
     * validated against core's schema, checked against the registry and written with one insert;
     * one bad row and nothing is written (the transaction rolls back) and the caller gets every
     * bad row's number, column and reason. Row numbers are the spreadsheet's.
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
      const rows = readSheetRows(file.buffer, file.filename)[Symbol.asyncIterator]();
      const next = async () => {
        try {
          return await rows.next();
        } catch {
          throw new AppError(400, 'bad_file', 'import.badFile', [{ path: 'file', message: 'import.badFile' }]);
        }
      };
      const first = await next();
      const headers = first.done || first.value.rowNumber !== 1 ? [] : first.value.cells;
      const columnIndex = new Map<EnterpriseColumnKey, number>();
      headers.forEach((h, i) => {
        const key = enterpriseColumnOf(h);
        if (key && !columnIndex.has(key)) columnIndex.set(key, i);
      });
      const errors: ImportRowError[] = [];
      for (const col of ENTERPRISE_COLUMNS) {
        if (col.required && !columnIndex.has(col.key))
          errors.push({ row: 1, column: columnLabel(col.key), message: t('validation.required') });
      }
      const headerMissing = errors.length > 0;

      const regionCodes = new Set((await repo.listRegions(db, ctx.actor.regionCode)).map((r) => r.code));
      const seen = new Map<string, number>();
      const now = new Date();
      /** One batch: validated, checked against the registry, then written with one unnest insert. */
      const validateBatch = async (tx: Executor, batch: SheetRow[]) => {
        const valid: repo.OrganizationInsert[] = [];
        const codes: string[] = [];
        for (const { rowNumber, cells } of batch) {
          const raw: Record<string, string | undefined> = {};
          for (const [key, i] of columnIndex) raw[key] = cells[i] === '' || cells[i] === undefined ? undefined : cells[i];
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
            continue;
          }
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
            continue;
          }
          seen.set(e.creditCode, rowNumber);
          codes.push(e.creditCode);
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
            createdAt: now,
            updatedAt: now,
          });
        }
        // Checked whatever else is wrong, so that one report names every bad row of the file.
        for (const code of await repo.existingCreditCodes(tx, codes)) {
          errors.push({ row: seen.get(code)!, column: columnLabel('creditCode'), message: t('creditCode.duplicate') });
        }
        // Once a row is bad nothing more is written: the transaction is rolled back at the end.
        if (errors.length === 0) await repo.bulkInsertEnterprises(tx, valid);
      };

      const checksum = crypto.createHash('sha256').update(file.buffer).digest('hex');
      const imported = await db
        .transaction(async (tx) => {
          let batch: SheetRow[] = [];
          let count = 0;
          onProgress?.('validate', 0, 0);
          for (let r = await next(); !r.done && !headerMissing; r = await next()) {
            if (!r.value.cells.some((c) => c !== '')) continue;
            if (++count > MAX_IMPORT_ROWS) {
              throw new AppError(422, 'rule_violated', 'import.tooManyRows', [{ path: 'file', message: 'import.tooManyRows' }]);
            }
            batch.push(r.value);
            if (batch.length === IMPORT_BATCH) {
              await validateBatch(tx, batch);
              batch = [];
              onProgress?.('validate', count, count);
              if (errors.length >= MAX_REPORTED_ERRORS) break;
            }
          }
          if (batch.length) await validateBatch(tx, batch);
          onProgress?.('validate', count, count);
          if (!headerMissing && count === 0) {
            throw new AppError(422, 'rule_violated', 'import.noRows', [{ path: 'file', message: 'import.noRows' }]);
          }
          if (errors.length > 0) throw new RowsInvalid();
          await appendAudit(tx, ctx, {
            action: 'registry.enterprise.import',
            targetType: 'organization',
            detail: { filename: file.filename, sha256: checksum, rows: count },
          });
          return count;
        })
        .catch((err: unknown) => {
          if (!(err instanceof RowsInvalid)) throw err;
          errors.sort((a, b) => a.row - b.row);
          throw new AppError(
            422,
            'import_rows_invalid',
            'import.rowsInvalid',
            errors.slice(0, 100).map((e) => ({ path: `row ${e.row}: ${e.column}`, message: e.message })),
            { rows: errors.slice(0, MAX_REPORTED_ERRORS) },
          );
        })
        .finally(() => rows.return(undefined));
      onProgress?.('write', imported, imported);
      return { imported, errors: [] };
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
