import type { MessageId } from '../../../i18n/zh-CN';
import type { Translate } from '../../../i18n/translator';

/** Labels of the module's coded values (states, steps, events …), from the messages file. */
export function serviceLabel(
  t: Translate,
  group: 'state' | 'step' | 'event' | 'assignment' | 'action',
  code: string | null | undefined,
): string {
  if (!code) return '';
  const id = `services.${group}.${code}` as MessageId;
  const text = t(id);
  return text === id ? code : text;
}

export const STATE_COLOURS: Record<string, string> = {
  submitted: 'blue',
  accepted: 'cyan',
  declined: 'default',
  dispatched: 'geekblue',
  in_service: 'purple',
  completed: 'green',
  rated: 'lime',
  closed: 'default',
};

/** Money in fen shown in yuan with two decimals. */
export function yuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '' : `¥${(fen / 100).toFixed(2)}`;
}
