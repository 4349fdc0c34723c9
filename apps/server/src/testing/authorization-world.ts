import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '@qd/core';
import { DEMO_REGION } from '../modules/registry/index.js';
import { DOCUMENT_POLICY } from '../platform/files/file-policy.js';
import { storeFile } from '../platform/files/file-store.js';
import { newId } from '../platform/ids.js';
import { addUsers, freshCreditCode, loginAll, multipartFile } from './fixtures.js';
import { exampleOf, type Hints, type JsonSchema } from './json-schema-arbitrary.js';
import type { Session, TestApp } from './test-app.js';

/**
 * The people and rows the authorization matrix and the fuzz act on: every demo role in the demo
 * region, a second user of another organization of the same kind (enterprise, institution,
 * department, expert), every role again in a sibling region, and for every path parameter a real
 * row of the demo region that belongs to the demo organizations.
 */
export const OTHER_REGION = '410402';

export interface Actor {
  name: string;
  role: Role | null;
  /** 'own': the demo region and the demo organizations; 'otherOrg': same region, another organization. */
  place: 'own' | 'otherOrg' | 'otherRegion';
  session: Session | null;
}

export interface OpenApiOperation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  key: string;
  public: boolean;
  body: JsonSchema | null;
  multipart: boolean;
  query: { name: string; required: boolean; schema: JsonSchema }[];
  pathParams: string[];
}

/** Every operation of the OpenAPI document. */
export async function loadOperations(t: TestApp): Promise<OpenApiOperation[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const out: OpenApiOperation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase() as OpenApiOperation['method'];
      const params = (op.parameters ?? []) as { in: string; name: string; required?: boolean; schema: JsonSchema }[];
      const body = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)?.content?.[
        'application/json'
      ]?.schema;
      const summary = String(op.summary ?? '');
      out.push({
        method,
        path,
        key: `${method} ${path}`,
        public: Array.isArray(op.security) && op.security.length === 0,
        body: body ?? null,
        multipart:
          method === 'POST' && !body && /multipart|file|evidence|attachments$|documents$|import$/i.test(`${summary} ${path}`),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: p.schema })),
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
      });
    }
  }
  return out;
}

const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/** A multipart body with one small PDF in the field `file`, as the upload routes expect. */
export function pdfUpload() {
  return multipartFile('file', 'evidence.pdf', TINY_PDF, 'application/pdf');
}

type Rows = Record<string, unknown>[];

export interface World {
  t: TestApp;
  actors: Actor[];
  ids: Record<string, string | number>;
  /** Valid-body hints: the ids of the demo region's rows, by the field names the contracts use. */
  hints: Hints;
  query(text: string): Promise<Rows>;
  send(actor: Actor, op: OpenApiOperation, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  freshContact(): Promise<string>;
}

export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  const query = async (text: string): Promise<Rows> => {
    const r = (await db.execute(sql.raw(text))) as unknown as { rows?: Rows };
    return r.rows ?? (r as unknown as Rows);
  };
  const one = async (text: string): Promise<string> => {
    const rows = await query(text);
    return rows[0] ? String(Object.values(rows[0])[0]) : crypto.randomUUID();
  };

  const users = await query(`select username, id, organization_id from users`);
  const orgOf = (u: string) => String(users.find((r) => r.username === u)!.organization_id);
  const enterpriseId = orgOf('enterprise');
  const institutionId = orgOf('institution');
  const departmentId = orgOf('dept');
  const expertUserId = String(users.find((r) => r.username === 'expert')!.id);
  const expertId = await one(`select id from experts where user_id = '${expertUserId}'`);

  // Other organizations of the demo region, and the sibling region's own organizations.
  const enterprise2 = await one(
    `select id from organizations where kind='enterprise' and region_code='${DEMO_REGION}' and id <> '${enterpriseId}' order by name limit 1`,
  );
  const institution2 = await one(
    `select id from organizations where kind='institution' and region_code='${DEMO_REGION}' and id <> '${institutionId}' order by name limit 1`,
  );
  const department2 = await one(
    `select id from organizations where kind='department' and region_code='${DEMO_REGION}' and id <> '${departmentId}' order by name limit 1`,
  );
  const expert2 = await one(
    `select id from experts where user_id is null and id not in (select expert_id from award_review_members) order by name limit 1`,
  );
  const other: Record<'enterprise' | 'institution' | 'department', string> = { enterprise: '', institution: '', department: '' };
  for (const [i, kind] of (['enterprise', 'institution', 'department'] as const).entries()) {
    other[kind] = newId();
    await query(
      `insert into organizations (id, kind, region_code, name, credit_code, address, status, created_at, updated_at)
       values ('${other[kind]}', '${kind}', '${OTHER_REGION}', '新华区测试${kind}', '91410402MA${String(4700000 + i).padStart(8, '0')}', '新华区', 'active', now(), now())`,
    );
  }

  const added = await addUsers(t, DEMO_REGION, [
    { username: 'enterprise2', roles: ['enterprise'], organizationId: enterprise2 },
    { username: 'institution2', roles: ['institution'], organizationId: institution2 },
    { username: 'dept2', roles: ['dept'], organizationId: department2 },
    { username: 'expert2', roles: ['expert'] },
    { username: 'target-user', roles: ['leader'] },
  ]);
  await query(`update experts set user_id = '${added['expert2']}' where id = '${expert2}'`);
  const roles: [string, Role][] = [
    ['admin', 'sysadmin'],
    ['security', 'secadmin'],
    ['auditor', 'auditor'],
    ['office', 'office'],
    ['dept', 'dept'],
    ['enterprise', 'enterprise'],
    ['institution', 'institution'],
    ['expert', 'expert'],
    ['leader', 'leader'],
  ];
  const otherOrgOf: Partial<Record<Role, string>> = {
    enterprise: other.enterprise,
    institution: other.institution,
    dept: other.department,
  };
  const xUsers = await addUsers(
    t,
    OTHER_REGION,
    roles.map(([name, role]) => ({ username: `x-${name}`, roles: [role], organizationId: otherOrgOf[role] ?? null })),
  );
  const otherExpert = newId();
  await query(
    `insert into experts (id, region_code, name, title, specialties, industry_sections, affiliation_name, past_employments, phone, status, user_id, created_at, updated_at)
     select '${otherExpert}', '${OTHER_REGION}', '新华区专家', title, specialties, industry_sections, affiliation_name, past_employments, phone, status, '${xUsers['x-expert']}', now(), now()
     from experts where id = '${expertId}'`,
  );

  const names = [...roles.map(([n]) => n), 'enterprise2', 'institution2', 'dept2', 'expert2', ...roles.map(([n]) => `x-${n}`)];
  const sessions = await loginAll(t.app, names);
  const actors: Actor[] = [
    { name: 'anonymous', role: null, place: 'own', session: null },
    ...roles.map(([name, role]): Actor => ({ name, role, place: 'own', session: sessions[name]! })),
    { name: 'enterprise2', role: 'enterprise', place: 'otherOrg', session: sessions['enterprise2']! },
    { name: 'institution2', role: 'institution', place: 'otherOrg', session: sessions['institution2']! },
    { name: 'dept2', role: 'dept', place: 'otherOrg', session: sessions['dept2']! },
    { name: 'expert2', role: 'expert', place: 'otherOrg', session: sessions['expert2']! },
    ...roles.map(([name, role]): Actor => ({ name: `x-${name}`, role, place: 'otherRegion', session: sessions[`x-${name}`]! })),
  ];

  const send = (actor: Actor, op: OpenApiOperation, url: string, payload?: unknown) => {
    const headers: Record<string, string> = actor.session
      ? { cookie: actor.session.cookie, 'x-csrf-token': actor.session.csrf }
      : {};
    // Each actor its own client address: the log-in's per-address limit is not what is tested here.
    const remoteAddress = `10.250.0.${actors.indexOf(actor) + 1}`;
    if (op.multipart) {
      const upload = pdfUpload();
      return t.app.inject({
        method: op.method,
        url,
        remoteAddress,
        payload: upload.payload,
        headers: { ...headers, 'content-type': upload.contentType },
      });
    }
    return t.app.inject({
      method: op.method,
      url,
      remoteAddress,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
  };
  const office = actors.find((a) => a.name === 'office')!;
  const asOffice = (method: OpenApiOperation['method'], url: string, payload?: unknown) =>
    send(office, { method, multipart: false } as OpenApiOperation, url, payload);

  // ---- rows of the demo region, the demo organizations' where the kind belongs to one
  const application = await one(
    `select a.id from award_applications a where a.organization_id = '${enterpriseId}'
     order by (exists (select 1 from award_review_members m where m.application_id = a.id and m.expert_id = '${expertId}')) desc limit 1`,
  );
  const cycle = await one(`select cycle_id from award_applications where id = '${application}'`);
  const programme = await one(`select programme_id from award_cycles where id = '${cycle}'`);
  const request = await one(
    `select r.id from service_requests r where r.enterprise_id = '${enterpriseId}'
     order by (exists (select 1 from service_assignments s where s.request_id = r.id and s.institution_id = '${institutionId}')) desc limit 1`,
  );
  const plan = await one(`select id from supervision_plans where region_code = '${DEMO_REGION}' order by created_at limit 1`);
  const task = await one(
    `select id from governance_tasks where lead_department_id = '${departmentId}' order by created_at limit 1`,
  );
  const line = await one(`select id from governance_budget_lines order by code limit 1`);
  const hints: Hints = {
    enterpriseId,
    organizationId: enterpriseId,
    institutionId,
    departmentId,
    leadDepartmentId: departmentId,
    expertId,
    regionCode: DEMO_REGION,
    planId: plan,
    cycleId: cycle,
    programmeId: programme,
    applicationId: application,
    serviceId: await one(`select id from service_catalogue order by code limit 1`),
    targetRequestId: await one(
      `select id from service_requests where id <> '${request}' and enterprise_id = '${enterpriseId}' limit 1`,
    ),
    year: 2026,
    creditCode: freshCreditCode(),
    noConflict: true,
    contact: '13903751234',
    seed: '20260302',
  };

  // Rows the seed does not make: made here through the API, as the office would.
  const made = async (res: Promise<LightMyRequestResponse>, what: string): Promise<string> => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`could not make ${what}: ${r.statusCode} ${r.body}`);
    return String((r.json() as { id: string }).id);
  };
  const operations = await loadOperations(t);
  const bodyOf = (key: string, extra: Record<string, unknown> = {}) => ({
    ...(exampleOf(operations.find((o) => o.key === key)!.body!, hints) as Record<string, unknown>),
    ...extra,
  });
  const apiClient = await made(
    asOffice('POST', '/api/v1/services/api-clients', bodyOf('POST /api/v1/services/api-clients')),
    'an api client',
  );
  const signal = await made(
    asOffice('POST', '/api/v1/supervision/signals', bodyOf('POST /api/v1/supervision/signals')),
    'a signal',
  );
  const check = await made(
    asOffice(
      'POST',
      '/api/v1/supervision/product-checks',
      bodyOf('POST /api/v1/supervision/product-checks', {
        samplers: ['张三', '李四'],
        fromGoodsForSale: true,
        freeOfCharge: true,
      }),
    ),
    'a product check',
  );
  const notification = newId();
  await query(
    `insert into notifications (id, user_id, region_code, kind, title_zh, title_en, body, link, dedupe_key, created_at)
     values ('${notification}', '${office.session!.userId}', '${DEMO_REGION}', 'test', '测试', 'Test', '', null, '${notification}', now())`,
  );

  // Files and the rows the seed's lifecycles have not reached yet, written straight to the tables.
  const officeId = office.session!.userId;
  const file = async (): Promise<string> =>
    (
      await storeFile(db, {
        regionCode: DEMO_REGION,
        fileName: 'evidence.pdf',
        contentType: 'application/pdf',
        bytes: TINY_PDF,
        createdBy: officeId,
        policy: DOCUMENT_POLICY,
      })
    ).id;
  const inspection = await one(
    `select id from supervision_inspections where enterprise_id = '${enterpriseId}' order by code limit 1`,
  );
  const rectification = newId();
  await query(
    `insert into supervision_rectifications (id, region_code, code, source_type, source_id, enterprise_id, enterprise_name, ordered_on, correct_by, status, created_at, updated_at)
     values ('${rectification}', '${DEMO_REGION}', 'ZG-TEST-1', 'inspection', '${inspection}', '${enterpriseId}', '测试企业', '2026-03-01', '2026-04-01', 'ordered', now(), now())`,
  );
  const objection = newId();
  await query(
    `insert into award_objections (id, cycle_id, application_id, region_code, real_name, contact, content, evidence_file_ids, submitted_on, status, created_at)
     values ('${objection}', '${cycle}', '${application}', '${DEMO_REGION}', '张三', '13903751234', '异议内容', '{}', '2026-03-01', 'open', now())`,
  );
  const scheme = await query(`select id, year from governance_assessment_schemes order by year desc limit 1`);
  const appeal = newId();
  await query(
    `insert into governance_assessment_appeals (id, region_code, scheme_id, department_id, reason, total_hundredths, state, filed_by, filed_at)
     values ('${appeal}', '${DEMO_REGION}', '${scheme[0]?.id}', '${departmentId}', '申诉理由', 8000, 'open', '${added['target-user']}', now())`,
  );
  const entry = await one(`select id from governance_budget_entries where line_id = '${line}' limit 1`);
  const files = {
    application: await file(),
    request: await file(),
    task: await file(),
    entry: await file(),
    rectification: await file(),
    objection: await file(),
  };
  await query(
    `insert into award_attachments (id, application_id, region_code, file_id, item_id, created_at)
     values ('${newId()}', '${application}', '${DEMO_REGION}', '${files.application}', '1.1', now())`,
  );
  const requestFile = newId();
  await query(
    `insert into service_request_attachments (id, request_id, region_code, file_id, kind, institution_id, uploaded_by, uploaded_by_name, created_at)
     values ('${requestFile}', '${request}', '${DEMO_REGION}', '${files.request}', 'request', null, '${officeId}', '王科长', now())`,
  );
  await query(
    `insert into governance_task_attachments (task_id, file_id, progress_id, department_id) values ('${task}', '${files.task}', null, '${departmentId}')`,
  );
  await query(`insert into governance_budget_documents (entry_id, file_id) values ('${entry}', '${files.entry}')`);
  await query(
    `insert into supervision_rectification_files (rectification_id, file_id, created_at) values ('${rectification}', '${files.rectification}', now())`,
  );
  await query(
    `insert into award_objection_evidence (file_id, cycle_id, objection_id, created_at) values ('${files.objection}', '${cycle}', '${objection}', now())`,
  );

  const ids: Record<string, string | number> = {
    user: String(added['target-user']),
    enterprise: enterpriseId,
    department: departmentId,
    institution: institutionId,
    contact: await one(`select id from contacts where organization_id = '${enterpriseId}' limit 1`),
    expert: expertId,
    notification,
    programme,
    cycle,
    application,
    request,
    apiClient,
    catalogue: await one(`select id from service_catalogue order by code limit 1`),
    item: await one(`select id from supervision_items order by code limit 1`),
    inspector: await one(`select id from supervision_inspectors order by name limit 1`),
    plan,
    inspection,
    check,
    rectification,
    signal,
    drawRecord: await one(`select id from supervision_draw_records order by created_at limit 1`),
    member: await one(`select id from governance_group_members where department_id = '${departmentId}' limit 1`),
    meeting: await one(`select id from governance_meetings order by scheduled_on limit 1`),
    task,
    assessmentYear: Number(scheme[0]?.year ?? 2026),
    appeal,
    line,
    commitment: await one(`select id from governance_budget_entries where kind = 'commitment' and line_id = '${line}' limit 1`),
    entry,
    objection,
    year: 2026,
    applicationFile: files.application,
    requestFile,
    taskFile: files.task,
    entryFile: files.entry,
    rectificationFile: files.rectification,
    objectionFile: files.objection,
  };

  /** A contact of the demo enterprise made for one request (DELETE removes it). */
  const freshContact = async (): Promise<string> => {
    const id = newId();
    await query(
      `insert into contacts (id, organization_id, region_code, name, position, phone, is_primary, status, created_at, updated_at)
       values ('${id}', '${enterpriseId}', '${DEMO_REGION}', '临时联系人', '职员', '13903750000', false, 'active', now(), now())`,
    );
    return id;
  };

  return { t, actors, ids, hints, query, send, freshContact };
}

/**
 * Which row fills each path parameter: keyed by the path up to the parameter, so
 * `/awards/applications/{id}/attachments/{fileId}` names the application and its file.
 */
export function fillPath(path: string, ids: World['ids']): string {
  // Matched at the end of the path up to the parameter; the first match wins.
  const rules: [RegExp, string][] = [
    [/\/users\/\{id\}/, 'user'],
    [/\/enterprises\/\{id\}/, 'enterprise'],
    [/\/departments\/\{id\}/, 'department'],
    [/\/institutions\/\{id\}/, 'institution'],
    [/\/organizations\/\{id\}/, 'enterprise'],
    [/\/contacts\/\{id\}/, 'contact'],
    [/\/experts\/\{id\}/, 'expert'],
    [/\/calendar\/\{year\}/, 'year'],
    [/\/notifications\/\{id\}/, 'notification'],
    [/\/programmes\/\{id\}/, 'programme'],
    [/\/cycles\/\{id\}/, 'cycle'],
    [/\/notices\/\{id\}/, 'cycle'],
    [/\/applications\/\{applicationId\}/, 'application'],
    [/\/applications\/\{id\}/, 'application'],
    [/\/applications\/\{id\}\/attachments\/\{fileId\}/, 'applicationFile'],
    [/\/members\/\{expertId\}/, 'expert'],
    [/\/objections\/\{id\}/, 'objection'],
    [/\/objections\/\{id\}\/evidence\/\{fileId\}/, 'objectionFile'],
    [/\/services\/catalogue\/\{id\}/, 'catalogue'],
    [/\/requests\/\{id\}/, 'request'],
    [/\/attachments\/\{attachmentId\}/, 'requestFile'],
    [/\/api-clients\/\{id\}/, 'apiClient'],
    [/\/items\/\{id\}/, 'item'],
    [/\/targets\/\{enterpriseId\}/, 'enterprise'],
    [/\/inspectors\/\{id\}/, 'inspector'],
    [/\/plans\/\{id\}/, 'plan'],
    [/\/draws\/\{id\}/, 'plan'],
    [/\/draw-records\/\{id\}/, 'drawRecord'],
    [/\/inspections\/\{id\}/, 'inspection'],
    [/\/product-checks\/\{id\}/, 'check'],
    [/\/rectifications\/\{id\}/, 'rectification'],
    [/\/rectifications\/\{id\}\/files\/\{fileId\}/, 'rectificationFile'],
    [/\/signals\/\{id\}/, 'signal'],
    [/\/group\/members\/\{id\}/, 'member'],
    [/\/meetings\/\{id\}/, 'meeting'],
    [/\/tasks\/\{id\}/, 'task'],
    [/\/tasks\/\{id\}\/attachments\/\{fileId\}/, 'taskFile'],
    [/\/assessments\/\{year\}/, 'assessmentYear'],
    [/\/appeals\/\{id\}/, 'appeal'],
    [/\/lines\/\{id\}/, 'line'],
    [/\/commitments\/\{commitmentId\}/, 'commitment'],
    [/\/entries\/\{entryId\}/, 'entry'],
    [/\/documents\/\{fileId\}/, 'entryFile'],
    [/\/reports\/\{year\}/, 'year'],
    [/\/steps\/\{transition\}/, 'transition'],
  ];
  const all = { ...ids, transition: 'submitEvidence' };
  let url = path;
  for (const param of path.match(/\{[A-Za-z]+\}/g) ?? []) {
    const upTo = path.slice(0, path.indexOf(param) + param.length);
    const rule = rules.find(([re]) => new RegExp(`${re.source}$`).test(upTo));
    if (!rule) throw new Error(`no row for ${param} in ${path}: add one to fillPath`);
    url = url.replace(param, encodeURIComponent(String(all[rule[1] as keyof typeof all])));
  }
  return url;
}
