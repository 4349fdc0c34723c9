import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDrawRecord, poolCommitment, type DrawRecord } from '@qd/core';
import { loadConfig } from '../platform/config.js';
import { drawVerifyCommand } from './commands/draw-verify.js';
import { recordingIo } from './io.js';
import { runQd } from './program.js';

/** `qd draw verify FILE` on records written to a temporary folder; no database is opened. */
describe('qd draw verify', () => {
  let tmp: string;
  const pool = Array.from({ length: 25 }, (_, i) => `ENT-${String(i + 1).padStart(3, '0')}`);
  const record = makeDrawRecord({
    pool,
    count: 5,
    seed: '9319 / 2 5 12 8 10 / 9 18 26 34 41 45',
    label: '2026年第一批产品质量监督抽查',
    stratum: 'high',
    createdAt: '2026-03-02T10:00:00+08:00',
  });

  const write = (name: string, content: unknown) => {
    const file = path.join(tmp, name);
    fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  };
  const verify = async (file: string) => {
    const io = recordingIo();
    const code = await drawVerifyCommand({ file }, io);
    return { code, out: io.lines.join('\n'), err: io.errors.join('\n') };
  };

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qd-draw-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('accepts a faithful record: exit 0, both checks matched', async () => {
    const { code, out, err } = await verify(write('valid.json', record));
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toContain('名录哈希 Pool hash:    一致 OK');
    expect(out).toContain('抽取结果 Result:       一致 OK');
    expect(out).toContain('9319./2.5.8.10.12./9.18.26.34.41.45./');
    expect(out).toContain('ENT-017'); // the RFC example's first pick
    expect(out).toContain('核验通过 / VALID');
  });

  it('rejects a tampered result: exit 1, says which pick differs', async () => {
    const tampered: DrawRecord = { ...record, result: ['ENT-001', ...record.result.slice(1)] };
    const { code, out } = await verify(write('tampered-result.json', tampered));
    expect(code).toBe(1);
    expect(out).toContain('抽取结果 Result:       不一致 MISMATCH');
    expect(out).toContain('ENT-001  ≠ 应为 expected ENT-017');
    expect(out).toContain('抽取结果与按名录和随机种子重新计算的结果不符 / The result differs');
    expect(out).toContain('核验未通过 / NOT VALID');
  });

  it('rejects a tampered pool: exit 1, the hash does not match', async () => {
    const tampered: DrawRecord = { ...record, pool: record.pool.filter((id) => id !== 'ENT-003') };
    const { code, out } = await verify(write('tampered-pool.json', tampered));
    expect(code).toBe(1);
    expect(out).toContain('名录哈希 Pool hash:    不一致 MISMATCH');
    expect(out).toContain(`计算 computed:       ${poolCommitment(tampered.pool).hash}`);
  });

  it('exits 2 for a missing file, a file that is not JSON, or JSON that is not a draw record', async () => {
    const missing = await verify(path.join(tmp, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('无法读取文件 / Cannot read the file');

    const notJson = await verify(write('not.json', '{ "algorithm": '));
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('The file is not valid JSON');

    const notRecord = await verify(write('not-record.json', { ...record, seedSources: [[1.5]], poolHash: 'abc' }));
    expect(notRecord.code).toBe(2);
    expect(notRecord.err).toContain('The file is not a valid draw record');
    expect(notRecord.err).toContain('seedSources.0.0: 随机种子只能由非负整数组成 / The seed may contain only whole numbers');
    expect(notRecord.err).toContain('poolHash:');
  });

  it('accepts a file with a byte-order mark, as Windows editors save it', async () => {
    expect((await verify(write('bom.json', `\uFEFF${JSON.stringify(record)}`))).code).toBe(0);
  });

  it('is reachable as `qd draw verify FILE` without a database', async () => {
    const io = recordingIo();
    // A configuration pointing at no usable database: the command must not open one.
    const config = { ...loadConfig({}), databaseUrl: 'postgres://nobody@127.0.0.1:1/none', dataDir: path.join(tmp, 'no-db') };
    expect(await runQd(['node', 'qd', 'draw', 'verify', write('cli.json', record)], io, config)).toBe(0);
    expect(io.lines.at(-1)).toContain('VALID');
    expect(fs.existsSync(path.join(tmp, 'no-db'))).toBe(false);
    const bad = recordingIo();
    expect(await runQd(['node', 'qd', 'draw', 'verify', path.join(tmp, 'nope.json')], bad, config)).toBe(2);
  });
});
