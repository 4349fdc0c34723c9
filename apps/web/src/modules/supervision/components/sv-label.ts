import type { Translate } from '../../../i18n/translator';
import { zhCN, type MessageId } from '../../../i18n/zh-CN';

export type SvGroup =
  | 'riskClass'
  | 'flag'
  | 'itemKind'
  | 'targetType'
  | 'planState'
  | 'inspectionState'
  | 'result'
  | 'checkState'
  | 'rectState'
  | 'rectStep'
  | 'signalState'
  | 'signalSource'
  | 'grade'
  | 'conclusion'
  | 'overdueKind'
  | 'checkAction';

/** The label of a supervision code (`supervision.enum.riskClass.high` → 高风险); an unknown code shows as itself. */
export function svLabel(t: Translate, group: SvGroup, code: string | null | undefined): string {
  if (!code) return t('common.none');
  const id = `supervision.enum.${group}.${code}`;
  return Object.hasOwn(zhCN, id) ? t(id as MessageId) : code;
}

export function svValueEnum(t: Translate, group: SvGroup, codes: readonly string[]) {
  return Object.fromEntries(codes.map((c) => [c, { text: svLabel(t, group, c) }]));
}

export function svOptions(t: Translate, group: SvGroup, codes: readonly string[]) {
  return codes.map((c) => ({ value: c, label: svLabel(t, group, c) }));
}
