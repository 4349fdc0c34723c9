import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Input, List, Space, Table, Tag, Typography } from 'antd';
import {
  drawRecord,
  formatSeed,
  translate,
  verifyDrawRecord,
  type DrawRecord,
  type DrawVerification,
  type PublicDraw,
} from '@qd/core';
import { api, buildUrl } from '../../api/client';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { PublicFrame } from './components/PublicFrame';

interface Checked {
  id: string;
  record: DrawRecord;
  check: DrawVerification;
}

/**
 * The public draw check: the published records (pool, pool hash, seed, algorithm, result) are
 * recomputed here in the browser with core's own draw code — the same code `qd draw verify` runs —
 * and compared with what was published. Nothing is taken on the server's word.
 */
export default function DrawVerifyPage() {
  const { id } = useParams();
  const t = useT();
  return (
    <PublicFrame title={t('supervision.public.verifyTitle')}>
      {id ? <OneDraw id={id} /> : <DrawList />}
      <PasteRecord />
    </PublicFrame>
  );
}

function DrawList() {
  const t = useT();
  const { data } = useQuery({
    queryKey: ['public', 'draws'],
    queryFn: () =>
      api.get<{ planId: string; code: string; name: string; drawnAt: string | null; poolHash: string }[]>(
        '/public/supervision/draws',
      ),
  });
  return (
    <Card title={t('supervision.public.draws')}>
      <List
        dataSource={data ?? []}
        renderItem={(d) => (
          <List.Item>
            <Link to={`/public/draws/${d.planId}`}>{`${d.code} ${d.name}`}</Link>
            <Typography.Text type="secondary">
              {d.drawnAt ? d.drawnAt.slice(0, 10) : t('supervision.draw.notYet')}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

function OneDraw({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const [checked, setChecked] = useState<Checked[] | null>(null);
  const [busy, setBusy] = useState(false);
  const { data: draw } = useQuery({
    queryKey: ['public', 'draw', id],
    queryFn: () => api.get<PublicDraw>(`/public/supervision/draws/${id}`),
  });
  if (!draw) return <Card loading />;

  const verifyAll = async () => {
    setBusy(true);
    try {
      const out: Checked[] = [];
      for (const r of draw.records) {
        const record = drawRecord.parse(await api.get<unknown>(`/public/supervision/draw-records/${r.id}`));
        out.push({ id: r.id, record, check: verifyDrawRecord(record) });
      }
      setChecked(out);
    } finally {
      setBusy(false);
    }
  };
  const allOk = checked?.every((c) => c.check.ok);

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('supervision.plan.name')}>{`${draw.code} ${draw.name}`}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.planHash')}>
            <Typography.Text code copyable>
              {draw.poolHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.seedSource')}>{draw.seedSource}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.seedAnnouncedOn')}>{draw.seedAnnouncedOn}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.committedAt')}>{draw.committedAt}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.drawnAt')}>
            {draw.drawnAt ?? t('supervision.draw.notYet')}
          </Descriptions.Item>
        </Descriptions>
        <Alert style={{ marginTop: 16 }} type="info" showIcon message={t('supervision.public.howTo')} />
        <Button
          type="primary"
          style={{ marginTop: 16 }}
          loading={busy}
          disabled={draw.records.length === 0}
          onClick={verifyAll}
          data-testid="verify-all"
        >
          {t('supervision.public.verifyAll')}
        </Button>
      </Card>
      {checked && (
        <Alert
          data-testid="verify-summary"
          type={allOk ? 'success' : 'error'}
          showIcon
          message={allOk ? t('supervision.public.allOk', { n: checked.length }) : t('supervision.public.someFailed')}
        />
      )}
      <Table
        rowKey="id"
        pagination={false}
        dataSource={draw.records}
        columns={[
          {
            title: t('supervision.draw.kind'),
            dataIndex: 'kind',
            render: (k: string) => (k === 'targets' ? t('supervision.draw.targets') : t('supervision.draw.inspectors')),
          },
          { title: t('supervision.draw.stratum'), dataIndex: 'stratum' },
          { title: t('supervision.draw.poolSize'), dataIndex: 'poolSize' },
          {
            title: t('supervision.public.check'),
            render: (_: unknown, r: { id: string }) => {
              const c = checked?.find((x) => x.id === r.id);
              if (!c) return t('supervision.draw.notYet');
              return c.check.ok ? (
                <Tag color="green">{t('supervision.public.match')}</Tag>
              ) : (
                <Tag color="red">{c.check.problems.map((p) => translate(p, locale)).join('；')}</Tag>
              );
            },
          },
          {
            title: t('supervision.draw.result'),
            render: (_: unknown, r: { id: string }) => checked?.find((x) => x.id === r.id)?.record.result.join('，') ?? '',
          },
          {
            title: t('supervision.public.download'),
            render: (_: unknown, r: { id: string }) => (
              <a href={buildUrl(`/public/supervision/draw-records/${r.id}`, { download: 1 })} download>
                JSON
              </a>
            ),
          },
        ]}
      />
    </Space>
  );
}

/** Checks any record file the reader holds (e.g. one downloaded earlier), entirely in the browser. */
function PasteRecord() {
  const t = useT();
  const locale = useLocale();
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ ok: boolean; message: string; seed?: string } | null>(null);
  const run = () => {
    try {
      const parsed = drawRecord.safeParse(JSON.parse(text));
      if (!parsed.success) {
        setResult({
          ok: false,
          message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${translate(i.message, locale)}`).join('；'),
        });
        return;
      }
      const check = verifyDrawRecord(parsed.data);
      setResult({
        ok: check.ok,
        seed: formatSeed(parsed.data.seedSources),
        message: check.ok ? t('supervision.public.match') : check.problems.map((p) => translate(p, locale)).join('；'),
      });
    } catch {
      setResult({ ok: false, message: t('supervision.public.notJson') });
    }
  };
  return (
    <Card title={t('supervision.public.pasteTitle')} style={{ marginTop: 24 }}>
      <Input.TextArea
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-label={t('supervision.public.pasteTitle')}
        data-testid="paste-record"
      />
      <Button style={{ marginTop: 12 }} onClick={run} data-testid="paste-verify">
        {t('supervision.public.verifyOne')}
      </Button>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          message={result.message}
          description={result.seed}
          data-testid="paste-result"
        />
      )}
    </Card>
  );
}
