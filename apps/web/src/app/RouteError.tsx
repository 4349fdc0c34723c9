import { Button } from 'antd';
import { useRouteError } from 'react-router';
import { LazyResult } from '../components/LazyResult';
import { useT } from '../i18n/useT';

/**
 * Shown when a page fails to render or its code cannot be fetched, most often because a new
 * release replaced the old chunks while the tab was open: reloading fixes that.
 */
export function RouteError() {
  const error = useRouteError();
  const t = useT();
  if (error) console.error(error);
  return (
    <LazyResult
      status="warning"
      title={t('app.loadFailed')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
}
