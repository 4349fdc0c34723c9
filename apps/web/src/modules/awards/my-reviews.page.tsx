import { useNavigate } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Input, Space, Tag } from 'antd';
import { api } from '../../api/client';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { stateName } from './components/labels';

interface Assignment {
  applicationId: string;
  code: string;
  state: string;
  isLeader: boolean;
  declared: boolean;
  organizationName: string | null;
  scoresSubmitted: boolean;
}

/** The expert's assignments: declare no conflict (or step aside) first, then score; leaders lead the consensus. */
export default function MyReviewsPage() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['awards', 'my-reviews'], queryFn: () => api.get<Assignment[]>('/awards/my-reviews') });
  const declare = useMutation({
    mutationFn: ({ id, noConflict, note }: { id: string; noConflict: boolean; note: string }) =>
      api.post(`/awards/applications/${id}/declaration`, { noConflict, note }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['awards'] }),
    onError: showError,
  });

  const columns: ProColumns<Assignment>[] = [
    { title: t('awards.application.code'), dataIndex: 'code' },
    {
      title: t('awards.application.enterprise'),
      dataIndex: 'organizationName',
      render: (_, a) => a.organizationName ?? t('awards.reviews.hidden'),
    },
    { title: t('awards.application.state'), dataIndex: 'state', render: (_, a) => <Tag>{stateName(a.state, locale)}</Tag> },
    {
      title: t('awards.reviews.myPart'),
      render: (_, a) => (
        <Space>
          {a.isLeader && <Tag color="gold">{t('awards.reviews.leader')}</Tag>}
          {a.scoresSubmitted && <Tag color="green">{t('awards.reviews.submitted')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, a) =>
        !a.declared ? (
          <Space>
            <Button
              size="small"
              type="primary"
              data-testid={`declare-${a.code}`}
              onClick={() => declare.mutate({ id: a.applicationId, noConflict: true, note: '' })}
            >
              {t('awards.reviews.declare')}
            </Button>
            <Button
              size="small"
              danger
              onClick={() => {
                let note = '';
                modal.confirm({
                  title: t('awards.reviews.recuse'),
                  content: <Input.TextArea aria-label={t('awards.action.reason')} onChange={(e) => (note = e.target.value)} />,
                  onOk: () => declare.mutate({ id: a.applicationId, noConflict: false, note }),
                });
              }}
            >
              {t('awards.reviews.recuse')}
            </Button>
          </Space>
        ) : (
          <Space>
            <Button size="small" data-testid={`score-${a.code}`} onClick={() => navigate(`/awards/reviews/${a.applicationId}`)}>
              {t('awards.reviews.score')}
            </Button>
            {a.isLeader && (
              <Button
                size="small"
                type="primary"
                data-testid={`consensus-${a.code}`}
                onClick={() => navigate(`/awards/reviews/${a.applicationId}/consensus`)}
              >
                {t('awards.reviews.consensus')}
              </Button>
            )}
          </Space>
        ),
    },
  ];
  return (
    <PageContainer title={t('awards.reviews.title')}>
      <ProTable<Assignment>
        rowKey="applicationId"
        search={false}
        options={false}
        pagination={false}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        columns={columns}
      />
    </PageContainer>
  );
}
