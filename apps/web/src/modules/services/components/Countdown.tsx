import { Tag } from 'antd';
import { useT } from '../../../i18n/useT';

/** The working days left on a request's current step: the countdown beside every open step. */
export function Countdown({ daysLeft, overdue }: { daysLeft: number | null; overdue: boolean }) {
  const t = useT();
  if (daysLeft === null) return null;
  if (overdue || daysLeft < 0) return <Tag color="red">{t('services.request.daysLate', { days: Math.max(1, -daysLeft) })}</Tag>;
  if (daysLeft === 0) return <Tag color="orange">{t('services.request.dueToday')}</Tag>;
  return <Tag color={daysLeft <= 1 ? 'gold' : 'green'}>{t('services.request.daysLeft', { days: daysLeft })}</Tag>;
}
