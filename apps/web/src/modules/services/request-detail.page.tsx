import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { PageContainer, ProDescriptions } from '@ant-design/pro-components';
import { Button, Card, Space, Table, Tag, Timeline, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { OPEN_STATES } from '@qd/core';
import type { RequestDetail } from '@qd/core';
import { api } from '../../api/client';
import { formatShanghai } from '../../components/shanghai-time';
import { useErrorMessage } from '../../components/useErrorMessage';
import { nqiCategoryName } from '../../i18n/domain-labels';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { Countdown } from './components/Countdown';
import { serviceLabel, STATE_COLOURS, yuan } from './components/labels';
import { RequestActions } from './components/RequestActions';

/** One request: what was asked, who works on it, the countdown, every step so far, and what the caller may do next. */
export default function RequestDetailPage() {
  const { id } = useParams();
  const t = useT();
  const locale = useLocale();
  const showError = useErrorMessage();
  const [request, setRequest] = useState<RequestDetail | null>(null);
  useEffect(() => {
    api.get<RequestDetail>(`/services/requests/${id}`).then(setRequest).catch(showError);
  }, [id, showError]);
  if (!request) return <PageContainer loading />;
  // The overdue job records "<step code> <deadline>"; the step is shown by its name.
  const overdueText = (text: string | null) => {
    const [stepCode, deadline] = (text ?? '').split(' ');
    return stepCode
      ? `${serviceLabel(t, 'step', stepCode)}${deadline ? ` · ${t('services.request.deadline')} ${deadline}` : ''}`
      : '';
  };

  return (
    <PageContainer
      title={
        <span data-testid="request-number">
          {request.number}{' '}
          <Tag color={STATE_COLOURS[request.state]} data-testid="request-state">
            {serviceLabel(t, 'state', request.state)}
          </Tag>
        </span>
      }
      extra={<RequestActions request={request} onChanged={setRequest} />}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card>
          <ProDescriptions column={2}>
            <ProDescriptions.Item
              label={t('services.request.service')}
            >{`${nqiCategoryName(request.category, locale)} · ${request.serviceName}`}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('services.request.enterprise')}>
              {request.enterpriseName ?? t(`services.request.source.${request.source}`)}
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('services.request.step')}>
              {request.step ? (
                <span>
                  {serviceLabel(t, 'step', request.step)} · {request.stepDeadline}{' '}
                  <Countdown daysLeft={request.workingDaysLeft} overdue={request.overdue} />
                </span>
              ) : (
                '—'
              )}
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('services.request.handler')}>{request.handlerName ?? '—'}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('services.request.contactName')}>{request.contactName}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('services.request.contactPhone')}>{request.contactPhone ?? '—'}</ProDescriptions.Item>
            <ProDescriptions.Item label={t('services.request.preferredContact')}>
              {request.preferredContact
                ? t(`services.request.contact.${request.preferredContact}` as 'services.request.contact.phone')
                : '—'}
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('services.request.submittedAt')}>
              {formatShanghai(request.submittedAt)}
            </ProDescriptions.Item>
            <ProDescriptions.Item label={t('services.request.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                {request.description}
              </Typography.Paragraph>
            </ProDescriptions.Item>
            {request.attributeLabels.map((a) => (
              <ProDescriptions.Item key={a.code} label={a.name}>
                {a.value}
              </ProDescriptions.Item>
            ))}
            {request.rating !== null && (
              <ProDescriptions.Item
                label={t('services.request.rating')}
              >{`${'★'.repeat(request.rating)} ${request.ratingComment ?? ''}`}</ProDescriptions.Item>
            )}
          </ProDescriptions>
        </Card>
        {request.assignments.length > 0 && (
          <Card title={t('services.request.assignments')}>
            <Table
              rowKey="id"
              pagination={false}
              size="small"
              dataSource={request.assignments}
              columns={[
                { title: t('services.request.institutions'), dataIndex: 'institutionName' },
                { title: t('common.status'), dataIndex: 'status', render: (s: string) => serviceLabel(t, 'assignment', s) },
                {
                  title: t('services.request.quotation'),
                  dataIndex: 'quotationFen',
                  render: (f: number | null) => yuan(f) || '—',
                },
                { title: t('services.request.result'), dataIndex: 'result', render: (r: string | null) => r ?? '—' },
              ]}
            />
          </Card>
        )}
        <Card
          title={t('services.request.attachments')}
          extra={
            OPEN_STATES.includes(request.state) && (
              <Upload
                showUploadList={false}
                customRequest={async ({ file, onSuccess, onError }) => {
                  try {
                    setRequest(await api.upload<RequestDetail>(`/services/requests/${request.id}/attachments`, file as File));
                    onSuccess?.(null);
                  } catch (e) {
                    showError(e);
                    onError?.(e as Error);
                  }
                }}
              >
                <Button icon={<UploadOutlined />} data-testid="attach-file">
                  {t('services.request.attach')}
                </Button>
              </Upload>
            )
          }
        >
          {request.attachments.length === 0 ? (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          ) : (
            <Space direction="vertical">
              {request.attachments.map((a) => (
                <span key={a.id}>
                  <PaperClipOutlined /> <a href={`/api/v1/services/requests/${request.id}/attachments/${a.id}`}>{a.fileName}</a>{' '}
                  <Typography.Text type="secondary">
                    {t(`services.request.attachment.${a.kind}`)} · {a.institutionName ?? a.uploadedByName ?? ''} ·{' '}
                    {formatShanghai(a.createdAt)} · {Math.ceil(a.sizeBytes / 1024)} KB
                  </Typography.Text>
                </span>
              ))}
            </Space>
          )}
        </Card>
        <Card title={t('services.request.timeline')}>
          <Timeline
            data-testid="timeline"
            items={request.timeline.map((e) => ({
              color: e.kind === 'overdue' ? 'red' : e.internal ? 'gray' : 'blue',
              children: (
                <div>
                  <strong>{serviceLabel(t, 'event', e.kind)}</strong>{' '}
                  {e.toState && e.fromState !== e.toState ? <Tag>{serviceLabel(t, 'state', e.toState)}</Tag> : null}
                  <Typography.Text type="secondary">
                    {formatShanghai(e.at)} {e.actorName ?? ''} {e.institutionName ? `· ${e.institutionName}` : ''}
                  </Typography.Text>
                  {(e.text || e.amountFen !== null) && (
                    <div>
                      {e.amountFen !== null ? `${yuan(e.amountFen)} ` : ''}
                      {e.kind === 'overdue' ? overdueText(e.text) : e.text}
                    </div>
                  )}
                </div>
              ),
            }))}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
