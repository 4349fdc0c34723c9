import { useNavigate, useParams } from 'react-router';
import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { Alert, Badge, Button, Card, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { Organization } from '@qd/core';
import { useCan } from '../../app/auth/useAuth';
import { PageLoading } from '../../app/PageLoading';
import { industrySectionName, withCode } from '../../i18n/domain-labels';
import { enumLabel } from '../../i18n/enum-label';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { ContactsCard } from './components/ContactsCard';
import { orgStatusBadge } from './components/org-status';
import { useOrganization } from './components/useOrganization';

export default function EnterpriseDetailPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const navigate = useNavigate();
  const enterprise = useOrganization('enterprises', id);

  if (enterprise.isLoading) return <PageLoading />;
  if (enterprise.isError || !enterprise.data) {
    return (
      <PageContainer title={t('enterprise.detail')} onBack={() => navigate('/registry/enterprises')}>
        <Alert type="error" showIcon message={enterprise.error?.message} />
      </PageContainer>
    );
  }
  const org = enterprise.data;
  const none = t('common.none');

  return (
    <PageContainer
      title={org.name}
      onBack={() => navigate('/registry/enterprises')}
      extra={
        can('registry.enterprise.write') && (
          <Button
            type="primary"
            icon={<EditOutlined />}
            onClick={() => navigate(`/registry/enterprises/${org.id}/edit`)}
            data-testid="edit-button"
          >
            {t('common.edit')}
          </Button>
        )
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <ProDescriptions<Organization>
            column={{ xs: 1, sm: 1, md: 2 }}
            dataSource={org}
            columns={[
              { title: t('enterprise.name'), dataIndex: 'name' },
              { title: t('common.creditCode'), dataIndex: 'creditCode', copyable: true },
              { title: t('common.region'), dataIndex: 'regionName', render: () => org.regionName ?? org.regionCode },
              {
                title: t('enterprise.industry'),
                dataIndex: 'industrySection',
                render: () =>
                  withCode(
                    `${org.industrySection ?? ''} ${industrySectionName(org.industrySection, locale)}`,
                    org.industryCode,
                    locale,
                  ),
              },
              { title: t('enterprise.size'), dataIndex: 'size', render: () => enumLabel(t, 'size', org.size) },
              { title: t('enterprise.foundedOn'), dataIndex: 'foundedOn', render: () => org.foundedOn ?? none },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: () => (
                  <Badge
                    status={orgStatusBadge(org.status).toLowerCase() as 'success'}
                    text={enumLabel(t, 'orgStatus', org.status)}
                  />
                ),
              },
              {
                title: t('enterprise.legalRepresentative'),
                dataIndex: 'legalRepresentative',
                render: () => org.legalRepresentative ?? none,
              },
              { title: t('common.address'), dataIndex: 'address', span: 2, render: () => org.address ?? none },
              { title: t('enterprise.mainProducts'), dataIndex: 'mainProducts', span: 2, render: () => org.mainProducts ?? none },
            ]}
          />
        </Card>
        <ContactsCard organizationId={org.id} />
      </Space>
    </PageContainer>
  );
}
