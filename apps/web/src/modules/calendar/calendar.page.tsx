import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PageContainer } from '@ant-design/pro-components';
import { Alert, App, Button, Calendar, Card, Col, Row, Select, Space, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarYearView } from '@qd/core';
import { api } from '../../api/client';
import { useCan } from '../../app/auth/useAuth';
import { useErrorMessage } from '../../components/useErrorMessage';
import { useT } from '../../i18n/useT';
import { dayKind, nextSchedule } from './day-kind';

const KEY = ['calendar'];

/** The working-day calendar: a year's days off and adjusted working days, month by month. */
export default function CalendarPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const queryClient = useQueryClient();
  const canEdit = can('calendar.manage');
  const years = useQuery({ queryKey: KEY, queryFn: () => api.get<CalendarYearView[]>('/calendar') });
  const [year, setYear] = useState(dayjs().year());
  const stored = years.data?.find((y) => y.year === year);
  const [draft, setDraft] = useState<{ holidays: string[]; workdays: string[]; complete: boolean } | null>(null);
  useEffect(() => setDraft(null), [year, stored]);
  const current = draft ?? {
    holidays: stored?.holidays ?? [],
    workdays: stored?.workdays ?? [],
    complete: stored?.complete ?? false,
  };

  const save = useMutation({
    mutationFn: () => api.put<CalendarYearView>(`/calendar/${year}`, current),
    onSuccess: async () => {
      message.success(t('common.saved'));
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: showError,
  });

  const yearOptions = useMemo(() => {
    const known = new Set((years.data ?? []).map((y) => y.year));
    for (let y = dayjs().year() - 1; y <= dayjs().year() + 1; y++) known.add(y);
    return [...known].sort().map((y) => ({ value: y, label: String(y) }));
  }, [years.data]);

  const sourceLabel = stored
    ? stored.source === 'national'
      ? t('calendar.source.national')
      : stored.source === 'region'
        ? t('calendar.source.region')
        : t('calendar.source.ancestor', { region: stored.sourceRegionCode ?? '' })
    : t('calendar.source.none');

  const cell = (value: Dayjs) => {
    if (value.year() !== year) return null;
    const date = value.format('YYYY-MM-DD');
    const kind = dayKind(date, current.holidays, current.workdays);
    if (kind === 'normal') return null;
    return (
      <Tag color={kind === 'holiday' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }} data-testid={`day-${date}`}>
        {kind === 'holiday' ? t('calendar.holiday') : t('calendar.workday')}
      </Tag>
    );
  };

  const toggle = (value: Dayjs) => {
    if (!canEdit || value.year() !== year) return;
    const date = value.format('YYYY-MM-DD');
    setDraft({ ...nextSchedule(date, current.holidays, current.workdays), complete: current.complete });
  };

  return (
    <PageContainer
      title={t('calendar.title')}
      extra={
        <Space>
          <Select aria-label={t('calendar.year')} value={year} options={yearOptions} onChange={setYear} style={{ width: 110 }} />
          {canEdit ? (
            <Button
              type="primary"
              disabled={!draft}
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid="calendar-save"
            >
              {t('common.save')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Alert type="info" showIcon message={t('calendar.help')} description={canEdit ? t('calendar.editHelp') : undefined} />
        <Card size="small">
          <Space wrap size="large">
            <span>
              {t('calendar.sourceLabel')}: <Tag>{sourceLabel}</Tag>
            </span>
            <span>
              {t('calendar.holidayCount')}: <Typography.Text strong>{current.holidays.length}</Typography.Text>
            </span>
            <span>
              {t('calendar.workdayCount')}: <Typography.Text strong>{current.workdays.length}</Typography.Text>
            </span>
            <Space>
              {t('calendar.complete')}
              <Switch
                checked={current.complete}
                disabled={!canEdit}
                onChange={(complete) => setDraft({ ...current, complete })}
                aria-label={t('calendar.complete')}
              />
            </Space>
          </Space>
        </Card>
        <Row gutter={[16, 16]}>
          {Array.from({ length: 12 }, (_, month) => (
            <Col key={month} xs={24} md={12} xl={8}>
              <Card size="small" title={dayjs(new Date(year, month, 1)).format('YYYY-MM')}>
                <Calendar
                  className="qd-year-calendar"
                  fullscreen={false}
                  value={dayjs(new Date(year, month, 1))}
                  headerRender={() => null}
                  cellRender={(value, info) => (info.type === 'date' && value.month() === month ? cell(value) : null)}
                  onSelect={(value, info) => info.source === 'date' && value.month() === month && toggle(value)}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Space>
    </PageContainer>
  );
}
