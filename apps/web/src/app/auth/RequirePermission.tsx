import type { ReactNode } from 'react';
import type { Permission } from '@qd/core';
import { LazyResult } from '../../components/LazyResult';
import { useT } from '../../i18n/useT';
import { useCan } from './useAuth';

/** A page for holders of one of `anyOf`; others see a 403 page instead of a broken one. */
export function RequirePermission({ anyOf, children }: { anyOf: readonly Permission[]; children: ReactNode }) {
  const can = useCan();
  const t = useT();
  if (anyOf.length > 0 && !anyOf.some(can)) return <LazyResult status="403" title="403" subTitle={t('app.forbidden')} />;
  return children;
}
