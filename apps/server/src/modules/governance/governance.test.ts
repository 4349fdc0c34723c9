import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { addUsers, loginAll, multipartFile } from '../../testing/fixtures.js';
import { POSTGRES_MISSING, TEST_DB, call, createTestApp, type Session, type TestApp } from '../../testing/test-app.js';
import { missingGlyphs } from '../../platform/pdf/index.js';
import { runTaskFollowUp } from './index.js';
import { yearlyReportLines } from './yearly-report-lines.js';

const API = '/api/v1';
type Who = 'office' | 'dept' | 'leader' | 'enterprise' | 'auditor' | 'econ' | 'xinhua';
type Method = 'GET' | 'POST' | 'PUT';

interface Member {
  id: string;
  departmentId: string;
  departmentName: string;
  groupRole: string;
}
interface Task {
  id: string;
  code: string;
  state: string;
  deadline: string;
  overdue: boolean;
  escalationLevel: number;
  leadDepartmentId: string;
}

/**
 * "A year of governance" (issue 6) through the API, in 2027 so the demo seed's own year stays
 * apart: group → two meetings → resolutions → tasks → progress → one overdue and escalated →
 * closed → assessment with grades and an appeal → budget → yearly report PDF.
 */
describe.skipIf(POSTGRES_MISSING)(`governance API on ${TEST_DB}`, () => {
  const clock = new ManualClock('2027-03-01T01:00:00Z');
  let t: TestApp;
  let s: Record<Who, Session>;
  let members: Member[];
  const dept = (short: string) => members.find((m) => m.departmentName === short)!.departmentId;

  const req = (who: Who, method: Method, url: string, body?: unknown) => call(t.app, s[who], method, `${API}${url}`, body);
  const ok = async <T = Record<string, unknown>>(
    who: Who,
    method: Method,
    url: string,
    body?: unknown,
    status = method === 'POST' ? 201 : 200,
  ) => {
    const res = await req(who, method, url, body);
    if (res.statusCode !== status) throw new Error(`${who} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const deps = () => ({ database: t.database, config: t.config, clock });

  let meeting1: { id: string; resolutions: { tasks: Task[] }[] };
  let ownTask: Task; // led by the dept user's department (the market-supervision branch)
  let lateTask: Task; // led by the economic development bureau

  beforeAll(async () => {
    t = await createTestApp({ enterprises: 5, clock });
    s = await loginAll(t.app, ['office', 'dept', 'leader', 'enterprise', 'auditor'] as const).then(async (first) => {
      const list = await call(t.app, first.office, 'GET', `${API}/governance/group?on=2027-03-01`);
      members = list.json().members;
      await addUsers(t, '410471', [
        { username: 'econ', roles: ['dept'], organizationId: members.find((m) => m.departmentName === '经发局')!.departmentId },
      ]);
      await addUsers(t, '410402', [{ username: 'xinhua', roles: ['office'] }]);
      return { ...first, ...(await loginAll(t.app, ['econ', 'xinhua'] as const)) };
    });
  });
  afterAll(() => t?.close());

  it('keeps the leadership group with its changes over time', async () => {
    expect(members).toHaveLength(14);
    expect(members[0]).toMatchObject({ groupRole: 'leader', departmentName: '管委会' });
    expect(members.filter((m) => m.groupRole === 'deputy_leader')).toHaveLength(1);
    // the police branch leaves at the end of February; who was a member when stays answerable
    const police = members.find((m) => m.departmentName === '公安分局')!;
    await ok('office', 'POST', `/governance/group/members/${police.id}/end`, { until: '2027-02-28', note: '机构调整' }, 200);
    const before = await ok<{ members: Member[] }>('office', 'GET', '/governance/group?on=2027-02-15');
    const after = await ok<{ members: Member[] }>('office', 'GET', '/governance/group?on=2027-03-01');
    expect(before.members.some((m) => m.departmentName === '公安分局')).toBe(true);
    expect(after.members.some((m) => m.departmentName === '公安分局')).toBe(false);
    const history = await ok<{ members: Member[] }>('office', 'GET', '/governance/group?history=true');
    expect(history.members.filter((m) => m.departmentName === '税务局')).toHaveLength(2);
    // back in from March, with a new representative: no overlapping seat
    const again = {
      departmentId: police.departmentId,
      groupRole: 'member',
      personName: '孙伟',
      responsibilities: '打击质量违法犯罪',
      since: '2027-02-01',
    };
    expect((await req('office', 'POST', '/governance/group/members', again)).statusCode).toBe(409);
    await ok('office', 'POST', '/governance/group/members', { ...again, since: '2027-03-01' });
    const bad = await req('office', 'POST', '/governance/group/members', { ...again, since: '2027-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toContainEqual({ path: 'since', message: expect.any(String) });
    members = (await ok<{ members: Member[] }>('office', 'GET', '/governance/group?on=2027-03-01')).members;
  });

  it('runs a regular meeting: attendance, minutes, resolutions that create supervised tasks', async () => {
    const m = await ok<{ id: string; code: string; state: string; attendance: { departmentId: string }[] }>(
      'office',
      'POST',
      '/governance/meetings',
      {
        kind: 'regular',
        title: '2027年第一次质量强区工作联席会议',
        scheduledOn: '2027-03-02',
        agenda: ['年度工作要点', '质量奖评审安排'],
      },
    );
    expect(m).toMatchObject({ code: 'LX-2027-01', state: 'planned' });
    expect(m.attendance).toHaveLength(14);
    // holding needs every member marked
    const early = await req('office', 'POST', `/governance/meetings/${m.id}/transitions`, { transition: 'hold' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toBe('尚有成员单位未登记出席情况');
    await ok('office', 'PUT', `/governance/meetings/${m.id}/attendance`, {
      entries: m.attendance.map((a) => ({
        departmentId: a.departmentId,
        attendance: a.departmentId === dept('商务局') ? 'absent' : 'present',
      })),
    });
    // resolutions come after the meeting is held
    const tooEarly = await req('office', 'POST', `/governance/meetings/${m.id}/resolutions`, { text: 'x', tasks: [] });
    expect(tooEarly.statusCode).toBe(400);
    await ok('office', 'POST', `/governance/meetings/${m.id}/transitions`, { transition: 'hold' }, 200);
    const noMinutes = await req('office', 'POST', `/governance/meetings/${m.id}/transitions`, { transition: 'publish' });
    expect(noMinutes.statusCode).toBe(422);
    await ok('office', 'PUT', `/governance/meetings/${m.id}/minutes`, { minutes: '会议研究部署了2027年质量强区工作。' });
    const notMember = await req('office', 'POST', `/governance/meetings/${m.id}/resolutions`, {
      text: '落实年度工作要点',
      tasks: [
        {
          title: 'x',
          leadDepartmentId: '00000000-0000-7000-8000-000000000009',
          deadline: { workingDays: 5 },
          expectedOutput: 'y',
        },
      ],
    });
    expect(notMember.statusCode).toBe(422);
    expect(notMember.json().error.details[0].path).toBe('tasks.0.leadDepartmentId');
    meeting1 = await ok('office', 'POST', `/governance/meetings/${m.id}/resolutions`, {
      text: '落实年度质量强区工作要点，分解到成员单位。',
      tasks: [
        {
          title: '印发年度质量工作要点',
          leadDepartmentId: dept('高新市场监管分局'),
          supportingDepartmentIds: [dept('经发局')],
          deadline: { workingDays: 10 },
          expectedOutput: '工作要点文件',
          priority: 'high',
        },
        {
          title: '品牌培育企业摸底',
          leadDepartmentId: dept('经发局'),
          deadline: { date: '2027-03-19' },
          expectedOutput: '企业名单',
        },
      ],
    });
    const tasks = meeting1.resolutions[0]!.tasks;
    expect(tasks.map((x) => x.code)).toEqual(['DB-2027-0001', 'DB-2027-0002']);
    ownTask = tasks.find((x) => x.leadDepartmentId === dept('高新市场监管分局'))!;
    lateTask = tasks.find((x) => x.leadDepartmentId === dept('经发局'))!;
    // 10 working days after Tuesday 2 March 2027
    expect(ownTask.deadline).toBe('2027-03-16');
    expect(lateTask.deadline).toBe('2027-03-19');
    await ok('office', 'POST', `/governance/meetings/${m.id}/transitions`, { transition: 'publish' }, 200);
    const wrong = await req('office', 'POST', `/governance/meetings/${m.id}/transitions`, { transition: 'cancel' });
    expect(wrong.statusCode).toBe(409);
    expect((await req('office', 'PUT', `/governance/meetings/${m.id}/minutes`, { minutes: '改' })).statusCode).toBe(409);
  });

  it('runs an ad hoc meeting with a delegated department', async () => {
    const m = await ok<{ id: string; attendance: { departmentId: string }[] }>('office', 'POST', '/governance/meetings', {
      kind: 'ad_hoc',
      title: '产品质量安全专题会议',
      scheduledOn: '2027-04-06',
      agenda: ['抽查结果'],
    });
    await ok('office', 'PUT', `/governance/meetings/${m.id}/attendance`, {
      entries: m.attendance.map((a) => ({
        departmentId: a.departmentId,
        attendance: a.departmentId === dept('经发局') ? 'delegated' : 'present',
        attendeeName: null,
      })),
    });
    await ok('office', 'POST', `/governance/meetings/${m.id}/transitions`, { transition: 'hold' }, 200);
    const withTask = await ok<{ resolutions: { tasks: Task[] }[] }>(
      'office',
      'POST',
      `/governance/meetings/${m.id}/resolutions`,
      {
        text: '开展不合格产品整改跟踪。',
        tasks: [
          {
            title: '整改跟踪',
            leadDepartmentId: dept('应急局'),
            deadline: { date: '2027-12-20' },
            expectedOutput: '整改报告',
            priority: 'low',
          },
        ],
      },
    );
    expect(withTask.resolutions[0]!.tasks[0]!.code).toBe('DB-2027-0003');
  });

  it('lets a department see only its own tasks and report progress with evidence', async () => {
    const mine = await ok<{ data: Task[]; total: number }>('dept', 'GET', '/governance/tasks?year=2027');
    expect(mine.data.map((x) => x.id)).toEqual([ownTask.id]);
    expect((await req('dept', 'GET', `/governance/tasks/${lateTask.id}`)).statusCode).toBe(404);
    // the supporting department sees the task it supports
    const econ = await ok<{ data: Task[] }>('econ', 'GET', '/governance/tasks?year=2027');
    expect(econ.data.map((x) => x.id).sort()).toEqual([ownTask.id, lateTask.id].sort());
    clock.set('2027-03-08T02:00:00Z');
    const badPercent = await req('dept', 'POST', `/governance/tasks/${ownTask.id}/progress`, { note: '进展', percent: 120 });
    expect(badPercent.statusCode).toBe(400);
    expect(badPercent.json().error.details[0].path).toBe('percent');
    const reported = await ok<{ state: string; progressPercent: number }>(
      'dept',
      'POST',
      `/governance/tasks/${ownTask.id}/progress`,
      {
        note: '工作要点初稿已完成，征求成员单位意见中。',
        percent: 70,
      },
    );
    expect(reported).toMatchObject({ state: 'in_progress', progressPercent: 70 });
    // a supporting department reports too, but may not submit
    await ok('econ', 'POST', `/governance/tasks/${ownTask.id}/progress`, { note: '已反馈意见', percent: 100 });
    expect((await req('econ', 'POST', `/governance/tasks/${ownTask.id}/transitions`, { transition: 'submit' })).statusCode).toBe(
      403,
    );
    // evidence as a file
    const file = multipartFile('file', '工作要点初稿.txt', Buffer.from('2027年质量工作要点（初稿）'), 'text/plain');
    const up = await t.app.inject({
      method: 'POST',
      url: `${API}/governance/tasks/${ownTask.id}/attachments`,
      payload: file.payload,
      headers: { cookie: s.dept.cookie, 'x-csrf-token': s.dept.csrf, 'content-type': file.contentType },
    });
    expect(up.statusCode).toBe(201);
    const fileId = up.json().attachments[0].fileId as string;
    const down = await req('office', 'GET', `/governance/tasks/${ownTask.id}/attachments/${fileId}`);
    expect(down.statusCode).toBe(200);
    expect(down.body).toBe('2027年质量工作要点（初稿）');
    expect((await req('enterprise', 'GET', `/governance/tasks/${ownTask.id}/attachments/${fileId}`)).statusCode).toBe(403);
  });

  it('closes a task after a return for rework', async () => {
    await ok('dept', 'POST', `/governance/tasks/${ownTask.id}/transitions`, { transition: 'submit' }, 200);
    const noReason = await req('office', 'POST', `/governance/tasks/${ownTask.id}/transitions`, { transition: 'return' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.message).toBe('退回整改须说明理由');
    await ok(
      'office',
      'POST',
      `/governance/tasks/${ownTask.id}/transitions`,
      { transition: 'return', note: '请补充分工表' },
      200,
    );
    await ok('dept', 'POST', `/governance/tasks/${ownTask.id}/progress`, { note: '已补充分工表', percent: 100 });
    await ok('dept', 'POST', `/governance/tasks/${ownTask.id}/transitions`, { transition: 'submit' }, 200);
    expect((await req('dept', 'POST', `/governance/tasks/${ownTask.id}/transitions`, { transition: 'accept' })).statusCode).toBe(
      403,
    );
    clock.set('2027-03-12T02:00:00Z');
    const closed = await ok<{ state: string; closedOn: string; history: { transition: string }[] }>(
      'office',
      'POST',
      `/governance/tasks/${ownTask.id}/transitions`,
      { transition: 'accept' },
      200,
    );
    expect(closed).toMatchObject({ state: 'closed', closedOn: '2027-03-12' });
    expect(closed.history.map((h) => h.transition)).toEqual(['report', 'submit', 'return', 'report', 'submit', 'accept']);
    expect((await req('dept', 'POST', `/governance/tasks/${ownTask.id}/progress`, { note: 'x', percent: 1 })).statusCode).toBe(
      409,
    );
  });

  it('reminds before the deadline and escalates when overdue, never twice', async () => {
    // (the demo seed's open tasks of 2026 are long overdue by now: they are escalated alongside)
    const signalsOf = async () =>
      (await ok<{ signals: { kind: string; level: number }[] }>('office', 'GET', `/governance/tasks/${lateTask.id}`)).signals;
    clock.set('2027-03-16T02:00:00Z'); // 3 working days before 19 March
    expect((await runTaskFollowUp(deps())).reminders).toBe(1);
    expect(await runTaskFollowUp(deps())).toEqual({ reminders: 0, escalations: 0 });
    expect(await signalsOf()).toEqual([expect.objectContaining({ kind: 'reminder', level: 0 })]);
    const econNotes = await ok<{ data: { title: { zh: string } }[] }>('econ', 'GET', '/notifications');
    expect(econNotes.data[0]!.title.zh).toContain('即将到期');
    clock.set('2027-03-22T02:00:00Z'); // Monday after the deadline: overdue 1 working day
    expect(await runTaskFollowUp(deps())).toMatchObject({ escalations: 1 });
    expect((await signalsOf()).map((x) => x.level)).toEqual([0, 1]);
    let task = await ok<Task>('office', 'GET', `/governance/tasks/${lateTask.id}`);
    expect(task).toMatchObject({ overdue: true, escalationLevel: 1 });
    const board = await ok<Task[]>('office', 'GET', '/governance/tasks?year=2027');
    expect((board as unknown as { data: Task[] }).data[0]!.id).toBe(lateTask.id); // overdue first
    clock.set('2027-03-30T02:00:00Z'); // 7 working days late: on to the leader
    expect(await runTaskFollowUp(deps())).toMatchObject({ escalations: 1 });
    expect(await runTaskFollowUp(deps())).toEqual({ reminders: 0, escalations: 0 });
    task = await ok<Task>('office', 'GET', `/governance/tasks/${lateTask.id}`);
    expect(task.escalationLevel).toBe(2);
    const leaderNotes = await ok<{ data: { title: { zh: string }; link: string }[] }>('leader', 'GET', '/notifications');
    expect(leaderNotes.data.filter((n) => n.link === `/governance/tasks/${lateTask.id}`)).toHaveLength(1);
    const overview = await ok<{ overdueTasks: Task[] }>('leader', 'GET', '/governance/overview?year=2027');
    expect(overview.overdueTasks.map((x) => x.id)).toContain(lateTask.id);
    // finally done, late
    await ok('econ', 'POST', `/governance/tasks/${lateTask.id}/progress`, { note: '名单已报送', percent: 100 });
    await ok('econ', 'POST', `/governance/tasks/${lateTask.id}/transitions`, { transition: 'submit' }, 200);
    await ok('office', 'POST', `/governance/tasks/${lateTask.id}/transitions`, { transition: 'accept' }, 200);
    const boardByDept = await ok<{ departmentName: string; overdue: number; states: Record<string, number> }[]>(
      'office',
      'GET',
      '/governance/tasks/board?year=2027',
    );
    expect(boardByDept.find((b) => b.departmentName === '经发局')).toMatchObject({ overdue: 0, states: { closed: 1 } });
  });

  const scheme = {
    year: 2027,
    indicators: [
      {
        code: 'tasks_on_time',
        name: '督办任务按期办结率',
        weight: 50,
        mode: 'automatic',
        source: 'governance.tasks.closedOnTime',
        rule: { kind: 'proportional', targetPercent: 100, floorPercent: 0 },
      },
      {
        code: 'meetings',
        name: '联席会议出席率',
        weight: 20,
        mode: 'automatic',
        source: 'governance.meetings.attended',
        rule: { kind: 'threshold', targetPercent: 100 },
      },
      {
        code: 'progress',
        name: '进展按时报送',
        weight: 10,
        mode: 'automatic',
        source: 'governance.progress.reportedOnTime',
        rule: { kind: 'proportional', targetPercent: 100, floorPercent: 0 },
      },
      {
        code: 'innovation',
        name: '质量工作创新',
        weight: 20,
        mode: 'entered',
        rule: { kind: 'proportional', targetPercent: 100, floorPercent: 0 },
      },
    ],
    thresholds: { A: 90, B: 80, C: 60 },
  };
  interface Result {
    departmentId: string;
    totalHundredths: number;
    grade: string;
    breakdown: {
      code: string;
      source: string | null;
      pointsHundredths: number;
      figure: { numerator: number; denominator: number; evidence: string[] } | null;
    }[];
  }
  interface Assessment {
    state: string;
    results: Result[];
    appeals: { id: string; state: string }[];
  }

  it('computes the assessment with grades, a breakdown and its evidence; one appeal; locks', async () => {
    const bad = await req('office', 'POST', '/governance/assessments', { ...scheme, indicators: scheme.indicators.slice(0, 3) });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toBe('各指标权重之和应为100分');
    const unknownSource = await req('office', 'POST', '/governance/assessments', {
      ...scheme,
      indicators: scheme.indicators.map((i, n) => (n === 0 ? { ...i, source: 'services.nothing' } : i)),
    });
    expect(unknownSource.statusCode).toBe(422);
    await ok('office', 'POST', '/governance/assessments', scheme);
    expect((await req('office', 'POST', '/governance/assessments', scheme)).statusCode).toBe(409);
    await ok('office', 'PUT', '/governance/assessments/2027/values', {
      indicatorCode: 'innovation',
      departmentId: dept('高新市场监管分局'),
      numerator: 9,
      denominator: 10,
      evidence: '质量工作创新案例 3 项（见年度总结）',
    });
    await ok('office', 'PUT', '/governance/assessments/2027/values', {
      indicatorCode: 'innovation',
      departmentId: dept('经发局'),
      numerator: 5,
      denominator: 10,
      evidence: '年度总结',
    });
    expect(
      (
        await req('office', 'PUT', '/governance/assessments/2027/values', {
          indicatorCode: 'tasks_on_time',
          departmentId: dept('经发局'),
          numerator: 1,
          denominator: 1,
          evidence: 'x',
        })
      ).statusCode,
    ).toBe(422);
    clock.set('2027-12-31T02:00:00Z');
    await ok('office', 'POST', '/governance/assessments/2027/compute', undefined, 200);
    // a changed scheme sends the results back to draft until recomputed
    const edited = await ok<Assessment>('office', 'PUT', '/governance/assessments/2027', {
      ...scheme,
      thresholds: { A: 95, B: 85, C: 60 },
    });
    expect(edited).toMatchObject({ state: 'draft', results: [] });
    const computed = await ok<Assessment>('office', 'PUT', '/governance/assessments/2027', scheme).then(() =>
      ok<Assessment>('office', 'POST', '/governance/assessments/2027/compute', undefined, 200),
    );
    expect(computed.state).toBe('computed');
    expect(computed.results).toHaveLength(13); // every seat but the leading committee
    const branch = computed.results.find((r) => r.departmentId === dept('高新市场监管分局'))!;
    // on time 1/1 → 50; attended 2/2 → 20; progress 1/1 → 10; innovation 9/10 → 18: 98 → A
    expect(branch).toMatchObject({ totalHundredths: 9800, grade: 'A' });
    const econ = computed.results.find((r) => r.departmentId === dept('经发局'))!;
    // on time 0/1 → 0; attended 2/2 (delegated counts) → 20; progress 0/1 → 0; innovation 5/10 → 10: 30 → D
    expect(econ).toMatchObject({ totalHundredths: 3000, grade: 'D' });
    expect(econ.breakdown[0]).toMatchObject({
      source: 'governance.tasks.closedOnTime',
      figure: { numerator: 0, denominator: 1, evidence: ['未按期: DB-2027-0002'] },
    });
    const commerce = computed.results.find((r) => r.departmentId === dept('商务局'))!;
    expect(commerce.breakdown[1]).toMatchObject({
      pointsHundredths: 0,
      figure: { numerator: 1, denominator: 2, evidence: ['缺席: LX-2027-01'] },
    });

    // the department sees only its own breakdown, and appeals once
    const own = await ok<Assessment>('econ', 'GET', '/governance/assessments/2027');
    expect(own.results.map((r) => r.departmentId)).toEqual([dept('经发局')]);
    const appealed = await ok<Assessment>('econ', 'POST', '/governance/assessments/2027/appeals', {
      reason: '品牌培育摸底因企业停产顺延，已报备。',
    });
    expect(appealed.appeals).toHaveLength(1);
    expect((await req('econ', 'POST', '/governance/assessments/2027/appeals', { reason: '再次申诉' })).statusCode).toBe(409);
    expect((await req('office', 'POST', '/governance/assessments/2027/appeals', { reason: 'x' })).statusCode).toBe(403);
    const blocked = await req('office', 'POST', '/governance/assessments/2027/lock');
    expect(blocked.statusCode).toBe(422);
    await ok(
      'office',
      'POST',
      `/governance/assessments/2027/appeals/${appealed.appeals[0]!.id}/decision`,
      { decision: 'rejected', note: '未在期限前报备顺延。' },
      200,
    );
    const locked = await ok<Assessment>('office', 'POST', '/governance/assessments/2027/lock', undefined, 200);
    expect(locked.state).toBe('locked');

    // a changed input after locking does not change the locked result
    const m2 = (await ok<{ data: { id: string; code: string }[] }>('office', 'GET', '/governance/meetings?year=2027')).data.find(
      (x) => x.code === 'LX-2027-02',
    )!;
    const late = (await ok<{ resolutions: { tasks: Task[] }[] }>('office', 'GET', `/governance/meetings/${m2.id}`))
      .resolutions[0]!.tasks[0]!;
    await ok('office', 'POST', `/governance/tasks/${late.id}/transitions`, { transition: 'cancel' }, 200);
    expect((await req('office', 'POST', '/governance/assessments/2027/compute')).statusCode).toBe(409);
    expect(
      (
        await req('office', 'PUT', '/governance/assessments/2027/values', {
          indicatorCode: 'innovation',
          departmentId: dept('经发局'),
          numerator: 10,
          denominator: 10,
          evidence: 'x',
        })
      ).statusCode,
    ).toBe(409);
    const after = await ok<Assessment>('office', 'GET', '/governance/assessments/2027');
    expect(after.results).toEqual(locked.results);
  });

  interface Line {
    id: string;
    code: string;
    allocatedFen: number;
    committedFen: number;
    paidFen: number;
    remainingFen: number;
    entries?: { id: string; kind: string; openFen: number | null }[];
  }

  it('keeps the budget in fen: commitment, payment, an over-budget payment refused, a reallocation', async () => {
    const award = await ok<Line>('office', 'POST', '/governance/budget/lines', {
      year: 2027,
      code: 'director_award',
      name: '主任质量奖奖金',
      budgetFen: 30_000_000,
    });
    const funds = await ok<Line>('office', 'POST', '/governance/budget/lines', {
      year: 2027,
      code: 'quality_funds',
      name: '质量工作经费',
      budgetFen: 10_000_000,
    });
    expect(
      (await req('office', 'POST', '/governance/budget/lines', { year: 2027, code: 'quality_funds', name: 'x', budgetFen: 1 }))
        .statusCode,
    ).toBe(409);
    const decimal = await req('office', 'POST', `/governance/budget/lines/${award.id}/commitments`, {
      amountFen: 100.5,
      purpose: 'x',
      document: 'y',
    });
    expect(decimal.statusCode).toBe(400);
    expect(decimal.json().error.details[0]).toEqual({ path: 'amountFen', message: '金额应为正整数（单位：分）' });
    const committed = await ok<Line>('office', 'POST', `/governance/budget/lines/${award.id}/commitments`, {
      amountFen: 10_000_000,
      purpose: '2026年度主任质量奖奖金（神马尼龙）',
      payee: '平顶山神马尼龙新材料有限公司',
      document: '高新管〔2027〕3号',
    });
    expect(committed).toMatchObject({ committedFen: 10_000_000, remainingFen: 20_000_000 });
    const commitmentId = committed.entries!.find((e) => e.kind === 'commitment')!.id;
    // A payment is recorded once made (the clock stands at 31 December 2027).
    const ahead = await req('office', 'POST', `/governance/budget/lines/${award.id}/payments`, {
      amountFen: 1,
      commitmentId,
      payee: '平顶山神马尼龙新材料有限公司',
      document: '支付凭证 2028-001',
      paidOn: '2028-01-01',
    });
    expect(ahead.statusCode).toBe(422);
    expect(ahead.json().error.details).toEqual([{ path: 'paidOn', message: '日期不能晚于今天' }]);
    const paid = await ok<Line>('office', 'POST', `/governance/budget/lines/${award.id}/payments`, {
      amountFen: 10_000_000,
      commitmentId,
      payee: '平顶山神马尼龙新材料有限公司',
      document: '支付凭证 ZF-2027-001',
      paidOn: '2027-12-31',
    });
    expect(paid).toMatchObject({ allocatedFen: 30_000_000, committedFen: 0, paidFen: 10_000_000, remainingFen: 20_000_000 });
    const payment = paid.entries!.find((e) => e.kind === 'payment')!;
    const pdfVoucher = multipartFile('file', '支付凭证.pdf', Buffer.from('%PDF-1.4 voucher'), 'application/pdf');
    const attached = await t.app.inject({
      method: 'POST',
      url: `${API}/governance/budget/lines/${award.id}/entries/${payment.id}/documents`,
      payload: pdfVoucher.payload,
      headers: { cookie: s.office.cookie, 'x-csrf-token': s.office.csrf, 'content-type': pdfVoucher.contentType },
    });
    expect(attached.statusCode).toBe(201);
    const voucher = (attached.json() as { entries: { id: string; files: { fileId: string }[] }[] }).entries.find(
      (e) => e.id === payment.id,
    )!.files[0]!;
    const voucherUrl = `/governance/budget/lines/${award.id}/entries/${payment.id}/documents/${voucher.fileId}`;
    expect((await req('leader', 'GET', voucherUrl)).body).toBe('%PDF-1.4 voucher');
    expect((await req('dept', 'GET', voucherUrl)).statusCode).toBe(403);
    const over = await req('office', 'POST', `/governance/budget/lines/${funds.id}/payments`, {
      amountFen: 10_000_001,
      payee: '某培训机构',
      document: 'HT-1',
      paidOn: '2027-12-31',
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().error.message).toBe('超出预算科目余额，须先登记预算调剂');
    expect(
      (
        await req('office', 'POST', `/governance/budget/lines/${funds.id}/payments`, {
          amountFen: 1,
          commitmentId,
          payee: 'x',
          document: 'y',
          paidOn: '2027-12-31',
        })
      ).statusCode,
    ).toBe(422);
    await ok('office', 'POST', '/governance/budget/reallocations', {
      fromLineId: award.id,
      toLineId: funds.id,
      amountFen: 5_000_000,
      reason: '质量提升培训经费不足',
      document: '财预〔2027〕9号',
    });
    const nowFits = await ok<Line>('office', 'POST', `/governance/budget/lines/${funds.id}/payments`, {
      amountFen: 10_000_001,
      payee: '某培训机构',
      document: 'HT-1',
      paidOn: '2027-12-31',
    });
    expect(nowFits).toMatchObject({ allocatedFen: 15_000_000, paidFen: 10_000_001, remainingFen: 4_999_999 });
    const lines = await ok<Line[]>('leader', 'GET', '/governance/budget/lines?year=2027');
    for (const l of lines) expect(l.allocatedFen).toBe(l.committedFen + l.paidFen + l.remainingFen);
    expect(lines.reduce((sum, l) => sum + l.allocatedFen, 0)).toBe(40_000_000);
  });

  it('produces the yearly work report as data and as a PDF', async () => {
    const report = await ok<{
      meetings: { held: number; resolutions: number };
      tasks: { total: number; due: number; closedOnTime: number; onTimeBasisPoints: number };
      assessment: { state: string; results: unknown[] };
      headlines: { module: string }[];
    }>('leader', 'GET', '/governance/reports/2027');
    expect(report.meetings).toMatchObject({ held: 2, resolutions: 2 });
    expect(report.tasks).toMatchObject({ total: 2, due: 2, closedOnTime: 1, onTimeBasisPoints: 5000 });
    expect(report.assessment.state).toBe('locked');
    expect(report.headlines.map((h) => h.module)).toContain('governance');
    // every character the PDF prints has a glyph in the embedded font (no empty boxes)
    const lines = yearlyReportLines(report as unknown as Parameters<typeof yearlyReportLines>[0]);
    expect(lines.map((l) => l.text)).toContain('三、成员单位绩效考评');
    expect(missingGlyphs(lines.map((l) => l.text).join(''))).toEqual([]);
    const pdf = await req('office', 'GET', '/governance/reports/2027/pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5000); // the embedded Chinese glyphs
  });

  it('audits every change', async () => {
    const audit = await ok<{ data: { action: string }[] }>('auditor', 'GET', '/audit?pageSize=200');
    const actions = new Set(audit.data.map((a) => a.action));
    for (const a of [
      'governance.group.member.end',
      'governance.meeting.hold',
      'governance.resolution.create',
      'governance.task.report',
      'governance.task.accept',
      'governance.task.escalate',
      'governance.assessment.appeal',
      'governance.assessment.lock',
      'governance.budget.pay',
      'governance.budget.reallocate',
    ]) {
      expect(actions.has(a), a).toBe(true);
    }
  });

  it('answers each role as its permissions say', async () => {
    const year = 2026;
    const cases: [Who, Method, string, unknown, number][] = [
      ['dept', 'POST', '/governance/meetings', { kind: 'regular', title: 'x', scheduledOn: '2027-05-01', agenda: ['a'] }, 403],
      ['leader', 'POST', '/governance/meetings', { kind: 'regular', title: 'x', scheduledOn: '2027-05-01', agenda: ['a'] }, 403],
      ['enterprise', 'GET', '/governance/tasks', undefined, 403],
      ['auditor', 'GET', '/governance/group', undefined, 403],
      ['leader', 'GET', '/governance/tasks', undefined, 200],
      ['dept', 'GET', '/governance/budget/lines?year=2026', undefined, 403],
      ['leader', 'POST', '/governance/budget/lines', { year, code: 'x_line', name: 'x', budgetFen: 1 }, 403],
      ['dept', 'GET', `/governance/reports/${year}`, undefined, 403],
      ['leader', 'GET', `/governance/reports/${year}`, undefined, 200],
      ['dept', 'POST', `/governance/assessments/${year}/compute`, undefined, 403],
      ['leader', 'POST', `/governance/assessments/${year}/appeals`, { reason: 'x' }, 403],
      [
        'dept',
        'POST',
        '/governance/group/members',
        {
          departmentId: members[0]!.departmentId,
          groupRole: 'member',
          personName: 'x',
          responsibilities: 'y',
          since: '2027-01-01',
        },
        403,
      ],
      ['leader', 'GET', '/governance/overview?year=2026', undefined, 200],
      ['dept', 'GET', '/governance/overview?year=2026', undefined, 403],
    ];
    for (const [who, method, url, body, status] of cases) {
      expect((await req(who, method, url, body)).statusCode, `${who} ${method} ${url}`).toBe(status);
    }
    // another district's office sees none of it
    expect((await req('xinhua', 'GET', `/governance/tasks/${ownTask.id}`)).statusCode).toBe(404);
    expect((await ok<{ total: number }>('xinhua', 'GET', '/governance/tasks')).total).toBe(0);
    expect((await req('xinhua', 'GET', '/governance/assessments/2027')).statusCode).toBe(404);
  });

  it('refuses every change to the roles that may not make it, and lets every reader read', async () => {
    const uuid = '00000000-0000-7000-8000-00000000abcd';
    const m = (await ok<{ data: { id: string }[] }>('office', 'GET', '/governance/meetings?year=2027')).data[0]!.id;
    const line = (await ok<{ id: string }[]>('office', 'GET', '/governance/budget/lines?year=2027'))[0]!.id;
    const writes: [Method, string, unknown, Who[]][] = [
      [
        'POST',
        '/governance/group/members',
        { departmentId: uuid, groupRole: 'member', personName: 'x', responsibilities: 'y', since: '2027-06-01' },
        ['dept', 'leader', 'enterprise', 'auditor'],
      ],
      ['POST', `/governance/group/members/${uuid}/end`, { until: '2027-06-01' }, ['dept', 'leader', 'enterprise', 'auditor']],
      [
        'POST',
        '/governance/meetings',
        { kind: 'regular', title: 'x', scheduledOn: '2027-06-01', agenda: ['a'] },
        ['dept', 'leader', 'enterprise', 'auditor'],
      ],
      [
        'PUT',
        `/governance/meetings/${m}/attendance`,
        { entries: [{ departmentId: uuid, attendance: 'present' }] },
        ['dept', 'leader', 'enterprise'],
      ],
      ['PUT', `/governance/meetings/${m}/minutes`, { minutes: 'x' }, ['dept', 'leader', 'enterprise']],
      ['POST', `/governance/meetings/${m}/transitions`, { transition: 'cancel' }, ['dept', 'leader', 'enterprise']],
      [
        'POST',
        `/governance/meetings/${m}/resolutions`,
        { text: 'x', tasks: [{ title: 'x', leadDepartmentId: uuid, deadline: { workingDays: 1 }, expectedOutput: 'y' }] },
        ['dept', 'leader', 'enterprise'],
      ],
      [
        'POST',
        `/governance/tasks/${ownTask.id}/progress`,
        { note: 'x', percent: 1 },
        ['office', 'leader', 'enterprise', 'auditor'],
      ],
      ['POST', `/governance/tasks/${ownTask.id}/transitions`, { transition: 'cancel' }, ['leader', 'enterprise', 'auditor']],
      ['POST', '/governance/assessments', { ...scheme, year: 2028 }, ['dept', 'leader', 'enterprise']],
      [
        'PUT',
        '/governance/assessments/2027/values',
        { indicatorCode: 'innovation', departmentId: uuid, numerator: 1, denominator: 1, evidence: 'x' },
        ['dept', 'leader'],
      ],
      ['POST', '/governance/assessments/2027/compute', undefined, ['dept', 'leader', 'enterprise']],
      ['POST', '/governance/assessments/2027/lock', undefined, ['dept', 'leader', 'enterprise']],
      ['POST', '/governance/assessments/2027/appeals', { reason: 'x' }, ['office', 'leader', 'enterprise']],
      ['POST', `/governance/assessments/2027/appeals/${uuid}/decision`, { decision: 'rejected', note: 'x' }, ['dept', 'leader']],
      [
        'POST',
        '/governance/budget/lines',
        { year: 2027, code: 'x_line', name: 'x', budgetFen: 1 },
        ['dept', 'leader', 'enterprise', 'auditor'],
      ],
      [
        'POST',
        `/governance/budget/lines/${line}/commitments`,
        { amountFen: 1, purpose: 'x', document: 'y' },
        ['dept', 'leader', 'enterprise'],
      ],
      [
        'POST',
        `/governance/budget/lines/${line}/payments`,
        { amountFen: 1, payee: 'x', document: 'y', paidOn: '2027-06-01' },
        ['dept', 'leader', 'enterprise'],
      ],
      [
        'POST',
        '/governance/budget/reallocations',
        { fromLineId: line, toLineId: uuid, amountFen: 1, reason: 'x', document: 'y' },
        ['dept', 'leader', 'enterprise'],
      ],
    ];
    for (const [method, url, body, denied] of writes) {
      for (const who of denied) expect((await req(who, method, url, body)).statusCode, `${who} ${method} ${url}`).toBe(403);
    }
    const reads: [string, Who[], Who[]][] = [
      ['/governance/group', ['office', 'dept', 'leader'], ['enterprise', 'auditor']],
      ['/governance/meetings', ['office', 'dept', 'leader'], ['enterprise', 'auditor']],
      [`/governance/meetings/${m}`, ['office', 'dept', 'leader'], ['enterprise', 'auditor']],
      ['/governance/tasks/board', ['office', 'dept', 'leader'], ['enterprise', 'auditor']],
      [`/governance/tasks/${ownTask.id}`, ['office', 'dept', 'leader', 'econ'], ['enterprise', 'auditor']],
      ['/governance/assessments/2027', ['office', 'dept', 'leader'], ['enterprise', 'auditor']],
      ['/governance/assessment-sources', ['office', 'dept', 'leader'], ['enterprise', 'auditor']],
      ['/governance/budget/lines?year=2027', ['office', 'leader'], ['dept', 'enterprise', 'auditor']],
      [`/governance/budget/lines/${line}`, ['office', 'leader'], ['dept', 'enterprise', 'auditor']],
      ['/governance/reports/2027', ['office', 'leader'], ['dept', 'enterprise', 'auditor']],
      ['/governance/overview?year=2027', ['office', 'leader'], ['dept', 'enterprise', 'auditor']],
    ];
    for (const [url, allowed, denied] of reads) {
      for (const who of allowed) expect((await req(who, 'GET', url)).statusCode, `${who} GET ${url}`).toBe(200);
      for (const who of denied) expect((await req(who, 'GET', url)).statusCode, `${who} GET ${url}`).toBe(403);
    }
    // a department officer's own view of a task it is not involved in, and another district's view
    expect((await req('dept', 'GET', `/governance/tasks/${lateTask.id}`)).statusCode).toBe(404);
    expect((await req('xinhua', 'GET', `/governance/meetings/${m}`)).statusCode).toBe(404);
    expect((await req('xinhua', 'GET', `/governance/budget/lines/${line}`)).statusCode).toBe(404);
    expect(
      (
        await req('xinhua', 'POST', `/governance/budget/lines/${line}/payments`, {
          amountFen: 1,
          payee: 'x',
          document: 'y',
          paidOn: '2027-06-01',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('has the demo seed: a group, meetings, tasks in every state, a computed scheme and budget use', async () => {
    const year = 2026;
    const meetings = await ok<{ data: { state: string }[] }>('office', 'GET', `/governance/meetings?year=${year}`);
    expect(meetings.data.map((m) => m.state).sort()).toEqual(['held', 'planned', 'published']);
    const tasks = await ok<{ data: Task[] }>('office', 'GET', `/governance/tasks?year=${year}&pageSize=50`);
    expect(new Set(tasks.data.map((x) => x.state))).toEqual(
      new Set(['closed', 'in_progress', 'returned', 'assigned', 'submitted']),
    );
    const assessment = await ok<Assessment>('office', 'GET', `/governance/assessments/${year}`);
    expect(assessment.state).toBe('computed');
    expect(assessment.results.length).toBe(13);
    const lines = await ok<Line[]>('office', 'GET', `/governance/budget/lines?year=${year}`);
    expect(lines.find((l) => l.code === 'director_award')).toMatchObject({
      allocatedFen: 30_000_000,
      committedFen: 10_000_000,
      paidFen: 10_000_000,
    });
  });
});
