import type { Translate } from './translator';
import { zhCN, type MessageId } from './zh-CN';

export type EnumGroup =
  'size' | 'orgStatus' | 'leadershipRole' | 'expertTitle' | 'expertStatus' | 'relation' | 'userStatus' | 'outcome';

function isMessageId(value: string): value is MessageId {
  return Object.hasOwn(zhCN, value);
}

/** The label of a coded value (`enum.size.large` → 大型); an unknown code shows as itself. */
export function enumLabel(t: Translate, group: EnumGroup, code: string | null | undefined): string {
  if (!code) return t('common.none');
  const id = `enum.${group}.${code}`;
  return isMessageId(id) ? t(id) : code;
}
