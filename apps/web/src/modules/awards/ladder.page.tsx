import { useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Card, Empty, Steps, Table, Tag } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { AWARD_LEVELS } from '@qd/core';
import { api } from '../../api/client';
import { PageLoading } from '../../app/PageLoading';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { stateName } from './components/labels';

interface Ladder {
  organizationName: string;
  steps: {
    applicationId: string;
    level: 'district' | 'city' | 'province';
    year: number;
    programmeName: string;
    state: string;
    awardedOn: string | null;
    revokedOn: string | null;
  }[];
}

/** An enterprise's journey up the award ladder: district → city → province, over the years. */
export default function LadderPage() {
  const { id } = useParams<{ id: string }>();
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const ladder = useQuery({
    queryKey: ['awards', 'ladder', id],
    queryFn: () => api.get<Ladder>(`/awards/enterprises/${id}/ladder`),
  });
  if (ladder.isLoading) return <PageLoading />;
  if (!ladder.data) return <Alert type="error" showIcon message={ladder.error?.message} />;
  const { steps } = ladder.data;
  const won = (level: string) => steps.find((s) => s.level === level && s.state === 'awarded');

  return (
    <PageContainer title={`${t('awards.ladder.title')} · ${ladder.data.organizationName}`} onBack={() => navigate(-1)}>
      <Card>
        {steps.length === 0 ? (
          <Empty description={t('awards.ladder.none')} />
        ) : (
          <>
            <Steps
              data-testid="ladder"
              items={AWARD_LEVELS.map((level) => {
                const w = won(level);
                return {
                  title: t(`awards.level.${level}`),
                  status: w ? 'finish' : 'wait',
                  icon: w ? <TrophyOutlined /> : undefined,
                  description: w ? `${w.programmeName} ${w.year}` : undefined,
                };
              })}
            />
            <Table
              style={{ marginTop: 24 }}
              rowKey="applicationId"
              pagination={false}
              dataSource={steps}
              columns={[
                { title: t('awards.cycle.year'), dataIndex: 'year' },
                {
                  title: t('awards.programme.level'),
                  dataIndex: 'level',
                  render: (l: Ladder['steps'][number]['level']) => t(`awards.level.${l}`),
                },
                { title: t('awards.programme.name'), dataIndex: 'programmeName' },
                {
                  title: t('awards.application.state'),
                  dataIndex: 'state',
                  render: (s: string) => <Tag>{stateName(s, locale)}</Tag>,
                },
                { title: t('awards.ladder.awardedOn'), dataIndex: 'awardedOn', render: (d: string | null) => d ?? '—' },
              ]}
            />
          </>
        )}
      </Card>
    </PageContainer>
  );
}
