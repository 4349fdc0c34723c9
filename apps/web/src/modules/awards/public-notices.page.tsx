import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, List, Modal, Space, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { showServerFieldErrors } from '../../components/form-errors';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n/useT';
import { FileDropZone } from './components/FileDropZone';

interface NoticeEntry {
  applicationId: string;
  organizationName: string;
  decision: string | null;
}
interface PublicNotice {
  cycleId: string;
  programmeName: string;
  level: 'district' | 'city' | 'province';
  year: number;
  noticeStartsOn: string;
  noticeEndsOn: string;
  open: boolean;
  entries: NoticeEntry[];
}
interface Revocation {
  organizationName: string;
  level: 'district' | 'city' | 'province';
  year: number;
  revokedOn: string | null;
  reason: string | null;
}
interface Recommendations {
  cycleCode: string;
  year: number;
  level: 'district' | 'city' | 'province';
  enterprises: string[];
}
interface Evidence {
  fileId: string;
  fileName: string;
  sha256: string;
}

/**
 * The public notice (公示) of proposed winners, with the real-name objection form, the
 * recommendation list of each cycle and the revocations. No login: everything here comes from
 * the `/public/awards/…` endpoints, which show names and decisions only, never scores or experts.
 */
export default function PublicNoticesPage() {
  const t = useT();
  const notices = useQuery({
    queryKey: ['public', 'awards', 'notices'],
    queryFn: () => api.get<PublicNotice[]>('/public/awards/notices'),
  });
  const revocations = useQuery({
    queryKey: ['public', 'awards', 'revocations'],
    queryFn: () => api.get<Revocation[]>('/public/awards/revocations'),
  });
  const [objecting, setObjecting] = useState<{ notice: PublicNotice; entry: NoticeEntry } | null>(null);
  const [recommendationsOf, setRecommendationsOf] = useState<string | null>(null);

  return (
    <main>
      <Typography.Title level={2}>{t('awards.public.notices')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('awards.public.noticesIntro')}</Typography.Paragraph>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {notices.data?.length === 0 && <Empty description={t('awards.public.noNotice')} />}
        {(notices.data ?? []).map((n) => (
          <Card
            key={n.cycleId}
            title={`${n.programmeName} · ${n.year}`}
            extra={
              <Space>
                <Tag color={n.open ? 'green' : 'default'}>
                  {n.open ? t('awards.public.windowOpen') : t('awards.public.windowClosed')}
                </Tag>
                <Button type="link" onClick={() => setRecommendationsOf(n.cycleId)}>
                  {t('awards.public.recommendations')}
                </Button>
              </Space>
            }
          >
            <Typography.Paragraph>
              {t('awards.public.window', { from: n.noticeStartsOn, to: n.noticeEndsOn })}
            </Typography.Paragraph>
            <Table<NoticeEntry>
              rowKey="applicationId"
              pagination={false}
              dataSource={n.entries}
              columns={[
                { title: t('awards.public.enterprise'), dataIndex: 'organizationName' },
                {
                  title: t('awards.public.decision'),
                  dataIndex: 'decision',
                  width: 160,
                  render: (d: string | null) =>
                    d === 'nomination' ? t('awards.ranking.nomination') : t('awards.ranking.winner'),
                },
                {
                  title: t('awards.public.objection'),
                  width: 160,
                  render: (_: unknown, entry) =>
                    n.open ? (
                      <Button onClick={() => setObjecting({ notice: n, entry })}>{t('awards.public.object')}</Button>
                    ) : (
                      <Typography.Text type="secondary">{t('awards.public.windowClosed')}</Typography.Text>
                    ),
                },
              ]}
            />
          </Card>
        ))}
        <Card title={t('awards.public.revocations')}>
          {revocations.data && revocations.data.length === 0 ? (
            // Plain text, not the table's grey placeholder, which is too faint for the contrast rule.
            <Typography.Paragraph>{t('awards.public.noRevocation')}</Typography.Paragraph>
          ) : (
            <Table<Revocation>
              rowKey={(r) => `${r.organizationName}-${r.level}-${r.year}`}
              pagination={false}
              dataSource={revocations.data ?? []}
              columns={[
                { title: t('awards.public.enterprise'), dataIndex: 'organizationName' },
                {
                  title: t('awards.programme.level'),
                  dataIndex: 'level',
                  width: 100,
                  render: (l: Revocation['level']) => t(`awards.level.${l}`),
                },
                { title: t('awards.public.year'), dataIndex: 'year', width: 90 },
                { title: t('awards.public.revokedOn'), dataIndex: 'revokedOn', width: 130 },
                { title: t('awards.public.reason'), dataIndex: 'reason' },
              ]}
            />
          )}
        </Card>
      </Space>
      {objecting && <ObjectionDialog notice={objecting.notice} entry={objecting.entry} onClose={() => setObjecting(null)} />}
      {recommendationsOf && <RecommendationsDialog cycleId={recommendationsOf} onClose={() => setRecommendationsOf(null)} />}
    </main>
  );
}

/** The published recommendation list of a cycle (who passed eligibility and was recommended). */
function RecommendationsDialog({ cycleId, onClose }: { cycleId: string; onClose: () => void }) {
  const t = useT();
  const list = useQuery({
    queryKey: ['public', 'awards', 'recommendations', cycleId],
    queryFn: () => api.get<Recommendations>(`/public/awards/cycles/${cycleId}/recommendations`),
  });
  return (
    <Modal open title={t('awards.public.recommendations')} onCancel={onClose} footer={null}>
      <List
        loading={list.isLoading}
        header={list.data && `${list.data.cycleCode} · ${t(`awards.level.${list.data.level}`)} · ${list.data.year}`}
        dataSource={list.data?.enterprises ?? []}
        renderItem={(name) => <List.Item>{name}</List.Item>}
      />
    </Modal>
  );
}

/**
 * A real-name objection: name, a phone or e-mail, the content and at least one evidence file.
 * The server refuses anonymous ones and anything outside the window; its field errors land on
 * the fields here.
 */
function ObjectionDialog({ notice, entry, onClose }: { notice: PublicNotice; entry: NoticeEntry; onClose: () => void }) {
  const t = useT();
  const showError = useErrorMessage();
  const [form] = Form.useForm<{ realName: string; contact: string; content: string; evidenceFileIds: Evidence[] }>();
  const [sending, setSending] = useState(false);
  const [lodged, setLodged] = useState(false);

  async function submit() {
    const values = await form.validateFields();
    setSending(true);
    try {
      await api.post(`/public/awards/notices/${notice.cycleId}/applications/${entry.applicationId}/objections`, {
        ...values,
        evidenceFileIds: values.evidenceFileIds.map((e) => e.fileId),
      });
      setLodged(true);
    } catch (err) {
      if (!showServerFieldErrors(form, err)) showError(err);
    } finally {
      setSending(false);
    }
  }

  return (
    <Modal
      open
      title={`${t('awards.public.object')} · ${entry.organizationName}`}
      onCancel={onClose}
      okText={lodged ? t('awards.public.close') : t('awards.public.send')}
      onOk={lodged ? onClose : () => void submit()}
      confirmLoading={sending}
      cancelButtonProps={{ style: lodged ? { display: 'none' } : {} }}
    >
      {lodged ? (
        <Alert type="success" showIcon message={t('awards.public.lodged')} />
      ) : (
        <Form form={form} layout="vertical">
          <Alert type="info" showIcon message={t('awards.public.realNameRule')} style={{ marginBottom: 16 }} />
          <Form.Item
            name="realName"
            label={t('awards.objection.name')}
            rules={[{ required: true, message: t('awards.public.required') }]}
          >
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('awards.objection.contact')}
            rules={[{ required: true, message: t('awards.public.required') }]}
          >
            <Input autoComplete="tel" placeholder={t('awards.public.contactHelp')} />
          </Form.Item>
          <Form.Item
            name="content"
            label={t('awards.objection.content')}
            rules={[{ required: true, message: t('awards.public.required') }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item
            name="evidenceFileIds"
            label={t('awards.public.evidence')}
            rules={[{ required: true, type: 'array', min: 1, message: t('awards.public.evidenceRequired') }]}
          >
            <EvidenceField cycleId={notice.cycleId} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

/** The evidence files of an objection as a form value: each is stored (and checksummed) on upload. */
function EvidenceField({
  cycleId,
  value = [],
  onChange,
}: {
  cycleId: string;
  value?: Evidence[];
  onChange?: (v: Evidence[]) => void;
}) {
  const t = useT();
  const latest = useRef(value);
  latest.current = value;
  return (
    <>
      <FileDropZone
        hint={t('awards.public.evidenceHelp')}
        upload={async (file) => {
          const stored = await api.upload<{ fileId: string; sha256: string }>(`/public/awards/notices/${cycleId}/evidence`, file);
          // Several files may finish together: append to the latest value, not the rendered one.
          latest.current = [...latest.current, { fileId: stored.fileId, sha256: stored.sha256, fileName: file.name }];
          onChange?.(latest.current);
        }}
      />
      <List
        size="small"
        dataSource={value}
        renderItem={(e) => (
          <List.Item>
            {e.fileName}{' '}
            <Typography.Text type="secondary" code>
              SHA-256 {e.sha256.slice(0, 16)}…
            </Typography.Text>
          </List.Item>
        )}
      />
    </>
  );
}
