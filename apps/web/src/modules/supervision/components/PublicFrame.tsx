import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Space, Typography } from 'antd';
import { useT } from '../../../i18n/useT';

/** Title and links between the supervision public pages, inside the portal's public layout. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <main>
      <Space size="large" style={{ marginBottom: 8 }}>
        <Link to="/public/draws">{t('supervision.public.draws')}</Link>
        <Link to="/public/results">{t('supervision.public.results')}</Link>
      </Space>
      <Typography.Title level={2}>{title}</Typography.Title>
      {children}
    </main>
  );
}
