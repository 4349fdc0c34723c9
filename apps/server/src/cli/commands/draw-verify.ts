import fs from 'node:fs/promises';
import { drawRecord, formatSeed, isMessageKey, messages, verifyDrawRecord } from '@qd/core';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../failure.js';
import type { Io } from '../io.js';

/** Both languages on one line: the record is public and its readers may be either. */
function both(key: string): string {
  return isMessageKey(key) ? `${messages[key]['zh-CN']} / ${messages[key]['en-US']}` : key;
}

const mark = (ok: boolean) => (ok ? '一致 OK' : '不一致 MISMATCH');

/**
 * `qd draw verify FILE`: recomputes a published draw record (the `drawRecord` contract: pool,
 * pool hash, seed, count, result) with nothing but core's code — no database, no network — so
 * an observer can check a draw the office published. Exit 0 when everything holds, 1 when
 * something does not, 2 when the file cannot be read or is not a draw record.
 */
export async function drawVerifyCommand(options: { file: string }, io: Io): Promise<number> {
  let text: string;
  try {
    text = await fs.readFile(options.file, 'utf8');
  } catch (err) {
    io.err(`无法读取文件 / Cannot read the file ${options.file}: ${(err as Error).message}`);
    return EXIT_USAGE;
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    io.err(`文件不是有效的 JSON / The file is not valid JSON: ${(err as Error).message}`);
    return EXIT_USAGE;
  }
  const parsed = drawRecord.safeParse(json);
  if (!parsed.success) {
    io.err('文件不是有效的抽取记录 / The file is not a valid draw record:');
    for (const issue of parsed.error.issues.slice(0, 20)) io.err(`  ${issue.path.join('.') || 'record'}: ${both(issue.message)}`);
    if (parsed.error.issues.length > 20) io.err(`  … ${parsed.error.issues.length - 20} more`);
    return EXIT_USAGE;
  }

  const record = parsed.data;
  const check = verifyDrawRecord(record);
  const title = [record.label, record.stratum && `[${record.stratum}]`].filter(Boolean).join(' ');
  io.out(`抽取记录核验 / Draw record verification${title ? `: ${title}` : ''}`);
  io.out(`  算法 Algorithm:        ${record.algorithm}`);
  io.out(`  创建时间 Created:      ${record.createdAt}`);
  io.out(`  名录 Pool:             ${record.pool.length} 个编号 ids`);
  io.out(`  随机种子 Seed:         ${formatSeed(record.seedSources)}`);
  io.out(`  密钥 Key (RFC 3797):   ${check.key}`);
  io.out(`  名录哈希 Pool hash:    ${mark(check.poolHashOk)}`);
  io.out(`    公布 published:      ${record.poolHash}`);
  io.out(`    计算 computed:       ${check.poolHash}`);
  io.out(`  抽取结果 Result:       ${mark(check.resultOk)} (${record.count} 个 drawn)`);
  const rows = Math.max(record.result.length, check.expected.length);
  for (let i = 0; i < rows; i++) {
    const published = record.result[i] ?? '—';
    const expected = check.expected[i] ?? '—';
    io.out(`    ${String(i + 1).padStart(3)}. ${published}${published === expected ? '' : `  ≠ 应为 expected ${expected}`}`);
  }
  for (const problem of check.problems) io.out(`  问题 Problem: ${both(problem)}`);
  io.out(check.ok ? '核验通过 / VALID: the record is consistent.' : '核验未通过 / NOT VALID: see the problems above.');
  return check.ok ? EXIT_OK : EXIT_FAILURE;
}
