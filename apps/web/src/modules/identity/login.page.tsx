import { useEffect, useState } from 'react';
import { Link, Navigate, useLocation, useNavigate, type Location } from 'react-router';
import { Alert, Button, Flex, Form, Typography, theme } from 'antd';
// The two inputs alone: antd's Input barrel also brings TextArea, Search and OTP.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../../app/auth/useAuth';
import { CHANGE_PASSWORD_PATH } from '../../app/auth/RequireAuth';
import { ElderModeSwitch } from '../../components/ElderModeSwitch';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';

interface LoginValues {
  username: string;
  password: string;
}

/** Where to go after login: back to the page that asked for it, else home. */
function destination(state: unknown): string {
  const from = (state as { from?: Location } | null)?.from;
  return from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/';
}

export default function LoginPage() {
  const t = useT();
  const locale = useLocale();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<LoginValues>();
  const { token } = theme.useToken();

  // A server message is in the language of the moment it was sent; drop it when that changes.
  useEffect(() => setError(null), [locale]);

  if (user && !submitting) {
    return <Navigate to={user.mustChangePassword ? CHANGE_PASSWORD_PATH : destination(location.state)} replace />;
  }

  async function submit(values: LoginValues) {
    setSubmitting(true);
    setError(null);
    try {
      const me = await login(values.username.trim(), values.password);
      navigate(me.mustChangePassword ? CHANGE_PASSWORD_PATH : destination(location.state), { replace: true });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Flex
      vertical
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(180deg, #e6f4ff 0%, #f5f5f5 60%)',
        // The text style antd's <App> gives the pages inside it (this page is outside, see AppProviders).
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        fontFamily: token.fontFamily,
      }}
    >
      <Flex justify="flex-end" align="center" gap={16} style={{ padding: '12px 24px' }} component="header">
        <Link to="/public" data-testid="public-portal-link">
          {t('portal.title')}
        </Link>
        <LanguageSwitch />
        <ElderModeSwitch />
      </Flex>
      <Flex component="main" flex={1} align="center" justify="center" style={{ padding: 24 }}>
        {/*
          A panel drawn like antd's Card from the theme's tokens: Card brings Tabs, Skeleton and a
          dropdown menu with it, about 20 kB gzip (docs/architecture.md, §7 "First load").
        */}
        <div
          style={{
            width: '100%',
            maxWidth: 420,
            padding: 32,
            background: token.colorBgContainer,
            border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadiusLG,
          }}
        >
          <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
            <img src="/favicon.svg" alt="" width={48} height={48} />
            <Typography.Title level={1} style={{ fontSize: 24, margin: '12px 0 0' }} data-testid="product-name">
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary" lang={locale === 'zh-CN' ? 'en-US' : 'zh-CN'}>
              {t('app.nameSecondary')}
            </Typography.Text>
          </Flex>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
            {t('login.title')}
          </Typography.Title>
          {error && (
            <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="login-error" role="alert" />
          )}
          <Form<LoginValues> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={submitting}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, fontSize: 12, textAlign: 'center' }}>
            {t('login.footer')}
          </Typography.Paragraph>
        </div>
      </Flex>
    </Flex>
  );
}
