import { appendAudit } from '../platform/audit/audit-writer.js';
import type { Database } from '../platform/db/database.js';
import { systemContext } from '../platform/request-context.js';
import { countUsers, seedDemoUsers } from '../modules/identity/index.js';
import { DEMO_REGION, linkExpertUser, seedDemoRegistry } from '../modules/registry/index.js';
import { FEATURE_MODULES } from '../modules/feature-modules.js';

export const DEMO_USERS = [
  { username: 'admin', zh: '系统管理员', role: 'sysadmin' },
  { username: 'security', zh: '安全管理员', role: 'secadmin' },
  { username: 'auditor', zh: '审计管理员', role: 'auditor' },
  { username: 'office', zh: '质量办 王科长', role: 'office' },
  { username: 'dept', zh: '市场监管分局 李干事', role: 'dept' },
  { username: 'enterprise', zh: '神马尼龙 质量部 张经理', role: 'enterprise' },
  { username: 'institution', zh: '检验测试中心 刘工', role: 'institution' },
  { username: 'expert', zh: '评审专家 赵建国', role: 'expert' },
  { username: 'leader', zh: '管委会 主任', role: 'leader' },
] as const;

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  return (await countUsers(database.db)) === 0;
}

/**
 * Seeds the demo district in one transaction: 平顶山高新区 with its leadership group, NQI
 * institutions, enterprises, experts and one user per role.
 */
export async function seedDemo(database: Database, password: string, enterpriseCount?: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    const ids = await seedDemoRegistry(tx, enterpriseCount);
    const orgOf: Record<string, string | null> = {
      dept: ids.officeDepartmentId,
      enterprise: ids.enterpriseId,
      institution: ids.institutionId,
    };
    const userIds = await seedDemoUsers(
      tx,
      DEMO_REGION,
      password,
      DEMO_USERS.map((u) => ({
        username: u.username,
        displayName: u.zh,
        roles: [u.role],
        organizationId: orgOf[u.role] ?? null,
      })),
    );
    await linkExpertUser(tx, ids.expertIds[0]!, userIds.expert!);
    const context = {
      regionCode: DEMO_REGION,
      userIds,
      officeDepartmentId: ids.officeDepartmentId,
      enterpriseId: ids.enterpriseId,
      institutionId: ids.institutionId,
      expertIds: ids.expertIds,
      now: new Date(),
    };
    for (const module of FEATURE_MODULES) await module.seedDemo?.(tx, context);
    await appendAudit(tx, systemContext(DEMO_REGION, 'seed'), {
      action: 'system.seed.demo',
      detail: { users: DEMO_USERS.length, enterprises: enterpriseCount ?? 200 },
    });
  });
}
