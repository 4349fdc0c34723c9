import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Flex, Layout, Space, Typography } from 'antd';
import { ElderModeSwitch } from '../../../components/ElderModeSwitch';
import { LanguageSwitch } from '../../../components/LanguageSwitch';
import { useT } from '../../../i18n/useT';

/** The frame of the public supervision pages (一公开): no login, no menu. */
export function PublicFrame({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <Flex justify="space-between" align="center" style={{ height: '100%' }}>
          <Space size="large">
            <Typography.Text strong>{t('supervision.public.portal')}</Typography.Text>
            <Link to="/public/draws">{t('supervision.public.draws')}</Link>
            <Link to="/public/results">{t('supervision.public.results')}</Link>
          </Space>
          <Space>
            <LanguageSwitch />
            <ElderModeSwitch />
          </Space>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, width: '100%', margin: '0 auto' }}>
        <main>
          <Typography.Title level={2}>{title}</Typography.Title>
          {children}
        </main>
      </Layout.Content>
    </Layout>
  );
}
