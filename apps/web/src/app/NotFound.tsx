import { Button } from 'antd';
import { Link } from 'react-router';
import { LazyResult } from '../components/LazyResult';
import { useT } from '../i18n/useT';

export function NotFound() {
  const t = useT();
  return (
    <LazyResult
      status="404"
      title="404"
      subTitle={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}
