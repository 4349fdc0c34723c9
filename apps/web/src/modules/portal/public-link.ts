import type { MessageId } from '../../i18n/zh-CN';

/** A public page a module offers, as the portal's index lists it. */
export interface PublicLink {
  path: string;
  title: MessageId;
  description: MessageId;
}
