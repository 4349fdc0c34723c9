import type { MessageId } from '../../../i18n/zh-CN';
import type { Translate } from '../../../i18n/translator';

export type GovernanceEnum =
  | 'meetingKind'
  | 'meetingState'
  | 'attendance'
  | 'taskState'
  | 'priority'
  | 'groupRole'
  | 'assessmentState'
  | 'mode'
  | 'appealState'
  | 'entryKind'
  | 'transition';

/** The label of one of the module's coded values (`governance.enum.taskState.closed` → 已办结). */
export function gl(t: Translate, group: GovernanceEnum, code: string | null | undefined): string {
  if (!code) return t('common.none');
  return t(`governance.enum.${group}.${code}` as MessageId);
}

/** antd Select options for a list of codes. */
export function glOptions(t: Translate, group: GovernanceEnum, codes: readonly string[]) {
  return codes.map((value) => ({ value, label: gl(t, group, value) }));
}

/** ProTable valueEnum for a list of codes. */
export function glValueEnum(t: Translate, group: GovernanceEnum, codes: readonly string[]) {
  return Object.fromEntries(codes.map((c) => [c, { text: gl(t, group, c) }]));
}

/** ¥ with two decimals from integer fen (display only; amounts travel as fen). */
export function yuan(fen: number): string {
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${fen < 0 ? '-' : ''}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Yuan typed in a form (up to two decimals) → integer fen, without floating-point drift. */
export function fenOf(yuanText: string | number | null | undefined): number {
  const text = String(yuanText ?? '').trim();
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return Number.NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export const points = (hundredths: number) => (hundredths / 100).toFixed(2);

export const GRADE_COLORS: Record<string, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
/** Preset colours (dark text on a light ground: they pass WCAG AA contrast, the status presets do not). */
export const TASK_STATE_COLORS: Record<string, string> = {
  assigned: 'default',
  in_progress: 'blue',
  submitted: 'orange',
  returned: 'red',
  closed: 'green',
  cancelled: 'default',
};

export const thisYear = () => new Date().getFullYear();
