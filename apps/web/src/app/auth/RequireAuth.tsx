import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button } from 'antd';
import { LazyResult } from '../../components/LazyResult';
import { useT } from '../../i18n/useT';
import { PageLoading } from '../PageLoading';
import { useAuth } from './useAuth';

export const CHANGE_PASSWORD_PATH = '/account/password';

/**
 * Pages behind a login. A user whose password must change (first login, reset by the security
 * administrator) sees only the change-password page until it is done.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, sessionFailed } = useAuth();
  const location = useLocation();
  const t = useT();

  if (sessionFailed) {
    return (
      <LazyResult
        status="warning"
        title={t('error.network')}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('app.reload')}
          </Button>
        }
      />
    );
  }
  if (user === undefined) return <PageLoading />;
  if (user === null) return <Navigate to="/login" replace state={{ from: location }} />;
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return children;
}
