import { useCallback, useEffect, useState } from 'react';
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
import { formatShanghai } from '../../components/shanghai-time';
import { industrySectionName, withCode } from '../../i18n/domain-labels';
import { useLocale } from '../../i18n/useLocale';
import { useT } from '../../i18n/useT';
import { PublicFrame } from './components/PublicFrame';
import { svLabel } from './components/sv-label';

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
              {d.drawnAt ? formatShanghai(d.drawnAt, false) : t('supervision.draw.notYet')}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** "高风险 · 制造业" for `high/C`, "第 3 家被抽企业的检查人员" for `inspectors/3`. */
function stratumInWords(stratum: string, t: ReturnType<typeof useT>, locale: ReturnType<typeof useLocale>): string {
  const inspectors = /^inspectors\/(\d+)$/.exec(stratum);
  if (inspectors) return t('supervision.public.inspectorsFor', { n: inspectors[1]! });
  const [riskClass, section] = stratum.split('/');
  if (riskClass && section) return `${svLabel(t, 'riskClass', riskClass)} · ${industrySectionName(section, locale)}`;
  return stratum;
}

type RecordState = { state: 'checking' } | { state: 'checked'; checked: Checked } | { state: 'failed' };

function OneDraw({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const [states, setStates] = useState<Record<string, RecordState>>({});
  const { data: draw } = useQuery({
    queryKey: ['public', 'draw', id],
    queryFn: () => api.get<PublicDraw>(`/public/supervision/draws/${id}`),
  });

  // Every record is verified as soon as the page opens: fetched as published, recomputed here.
  const verify = useCallback(async (recordIds: string[]) => {
    setStates((old) => ({ ...old, ...Object.fromEntries(recordIds.map((r) => [r, { state: 'checking' } as const])) }));
    for (const recordId of recordIds) {
      let next: RecordState;
      try {
        const record = drawRecord.parse(await api.get<unknown>(`/public/supervision/draw-records/${recordId}`));
        next = { state: 'checked', checked: { id: recordId, record, check: verifyDrawRecord(record) } };
      } catch {
        next = { state: 'failed' };
      }
      setStates((old) => ({ ...old, [recordId]: next }));
    }
  }, []);
  useEffect(() => {
    if (draw) void verify(draw.records.map((r) => r.id));
  }, [draw, verify]);
  if (!draw) return <Card loading />;

  const results = draw.records.map((r) => states[r.id]);
  const done = results.every((x) => x && x.state !== 'checking');
  const allOk = done && results.every((x) => x?.state === 'checked' && x.checked.check.ok);
  const busy = !done;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('supervision.plan.name')}>{`${draw.code} ${draw.name}`}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.planHash')}>
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
              {draw.poolHash}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.seedSource')}>{draw.seedSource}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.seedAnnouncedOn')}>{draw.seedAnnouncedOn}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.committedAt')}>{formatShanghai(draw.committedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.draw.drawnAt')}>
            {draw.drawnAt ? formatShanghai(draw.drawnAt) : t('supervision.draw.notYet')}
          </Descriptions.Item>
        </Descriptions>
        <Alert style={{ marginTop: 16 }} type="info" showIcon message={t('supervision.public.howTo')} />
        <Button
          style={{ marginTop: 16 }}
          loading={busy}
          disabled={draw.records.length === 0}
          onClick={() => void verify(draw.records.map((r) => r.id))}
          data-testid="verify-all"
        >
          {t('supervision.public.verifyAgain')}
        </Button>
      </Card>
      {draw.records.length > 0 && done && (
        <Alert
          data-testid="verify-summary"
          type={allOk ? 'success' : 'error'}
          showIcon
          message={allOk ? t('supervision.public.allOk', { n: draw.records.length }) : t('supervision.public.someFailed')}
        />
      )}
      <Table<PublicDraw['records'][number]>
        rowKey="id"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={draw.records}
        locale={{ emptyText: t('supervision.public.noRecords') }}
        columns={[
          {
            title: t('supervision.draw.kind'),
            dataIndex: 'kind',
            render: (k: string) => (k === 'targets' ? t('supervision.draw.targets') : t('supervision.draw.inspectors')),
          },
          {
            title: t('supervision.draw.stratum'),
            dataIndex: 'stratum',
            render: (stratum: string) => stratumInWords(stratum, t, locale),
          },
          { title: t('supervision.draw.poolSize'), dataIndex: 'poolSize' },
          {
            title: t('supervision.draw.result'),
            width: 480,
            render: (_: unknown, r: PublicDraw['records'][number]) => (
              <span data-testid={`draw-result-${r.id}`}>
                {r.result
                  .map((x) =>
                    r.kind === 'inspectors'
                      ? t('supervision.public.inspectorNo', { no: x.name })
                      : withCode(x.name, x.id, locale),
                  )
                  .join('；')}
              </span>
            ),
          },
          {
            title: t('supervision.public.check'),
            render: (_: unknown, r: { id: string }) => {
              const c = states[r.id];
              if (!c || c.state === 'checking') return <Tag>{t('supervision.public.checking')}</Tag>;
              if (c.state === 'failed') return <Tag color="orange">{t('supervision.public.fetchFailed')}</Tag>;
              return c.checked.check.ok ? (
                <Tag color="green" data-testid={`draw-check-${r.id}`}>
                  {t('supervision.public.match')}
                </Tag>
              ) : (
                <Tag color="red" data-testid={`draw-check-${r.id}`}>
                  {c.checked.check.problems.map((p) => translate(p, locale)).join('；')}
                </Tag>
              );
            },
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
