import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { App as AntApp, Button, Layout, Space, Typography } from 'antd';
import { LoginOutlined } from '@ant-design/icons';
import { ElderModeSwitch } from '../components/ElderModeSwitch';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useT } from '../i18n/useT';
import { useAuth } from './auth/useAuth';
import { PageLoading } from './PageLoading';

/**
 * The frame of the public pages (公开信息): what anyone may see without an account — service
 * catalogues, published results, draw verification, public notices. No personal data is shown here.
 */
export function PublicLayout() {
  // antd's <App> for the pages' message and modal (not in AppProviders: the login page does without it).
  return (
    <AntApp>
      <PublicFrame />
    </AntApp>
  );
}

function PublicFrame() {
  const t = useT();
  const { user } = useAuth();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ background: '#fff', display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}
      >
        <Link to="/public" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <Typography.Text strong style={{ fontSize: 18 }}>
            {t('app.name')}
          </Typography.Text>
        </Link>
        <Typography.Text type="secondary">{t('portal.title')}</Typography.Text>
        <Space style={{ marginInlineStart: 'auto' }}>
          <LanguageSwitch />
          <ElderModeSwitch />
          <Link to={user ? '/' : '/login'}>
            <Button icon={<LoginOutlined />}>{user ? t('portal.toWorkbench') : t('portal.login')}</Button>
          </Link>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center' }}>
        <Typography.Text type="secondary">{t('portal.footer')}</Typography.Text>
      </Layout.Footer>
    </Layout>
  );
}
