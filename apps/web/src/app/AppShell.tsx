import { Suspense, useEffect, useMemo } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { ProLayout } from '@ant-design/pro-components';
import { App as AntApp, Dropdown, Space, Tag } from 'antd';
import { EnvironmentOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { ElderModeSwitch } from '../components/ElderModeSwitch';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { NotificationBell } from '../components/NotificationBell';
import { useT } from '../i18n/useT';
import { useAuth, useCan, useMe } from './auth/useAuth';
import { CHANGE_PASSWORD_PATH } from './auth/RequireAuth';
import { MENU, layoutRoutes } from './menu';
import { PageLoading } from './PageLoading';

/**
 * The frame around every page after login: menu by permission, district, user actions. Inside
 * antd's `<App>`, whose message and modal the pages use (it is not in AppProviders: the login page
 * does without it).
 */
export function AppShell() {
  return (
    <AntApp>
      <ShellFrame />
    </AntApp>
  );
}

function ShellFrame() {
  const t = useT();
  const me = useMe();
  const can = useCan();
  const { logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const routes = useMemo(() => layoutRoutes(MENU, can, t), [can, t]);

  // ProLayout's mix layout puts an empty spacer <header> before the real one, which screen
  // readers would announce as a second banner landmark; it is made presentational.
  useEffect(() => {
    for (const spacer of document.querySelectorAll(
      '.ant-pro-layout-container > header.ant-layout-header:not(.ant-pro-layout-header)',
    )) {
      spacer.setAttribute('role', 'none');
    }
  });

  return (
    <ProLayout
      title={t('app.name')}
      logo={<img src="/favicon.svg" alt="" width={28} height={28} />}
      layout="mix"
      fixSiderbar
      location={{ pathname: location.pathname }}
      route={{ path: '/', routes }}
      menu={{ defaultOpenAll: true }}
      onMenuHeaderClick={() => navigate('/')}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      headerContentRender={() => (
        <Tag icon={<EnvironmentOutlined />} color="blue" data-testid="district-name">
          {me.regionName}
        </Tag>
      )}
      actionsRender={() => [
        <NotificationBell key="notifications" />,
        <LanguageSwitch key="locale" />,
        <ElderModeSwitch key="elder" />,
      ]}
      avatarProps={{
        icon: <UserOutlined />,
        size: 'small',
        title: <span data-testid="current-user">{me.displayName}</span>,
        render: (_props, avatar) => (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'password',
                  icon: <KeyOutlined />,
                  label: <span data-testid="change-password-action">{t('menu.changePassword')}</span>,
                  onClick: () => navigate(CHANGE_PASSWORD_PATH),
                },
                { type: 'divider' },
                {
                  key: 'logout',
                  icon: <LogoutOutlined />,
                  label: <span data-testid="logout-action">{t('menu.logout')}</span>,
                  onClick: () => void logout(),
                },
              ],
            }}
          >
            <Space role="button" tabIndex={0} data-testid="user-menu" aria-haspopup="menu" style={{ cursor: 'pointer' }}>
              {avatar}
            </Space>
          </Dropdown>
        ),
      }}
    >
      {/* ProLayout already renders the <main> landmark around this; the menu stays while a page's code loads. */}
      <Suspense fallback={<PageLoading />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}
