import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Badge, Button, Empty, List, Popover, Space, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import type { NotificationView, Page } from '@qd/core';
import { api } from '../api/client';
import { useLocale } from '../i18n/useLocale';
import { useT } from '../i18n/useT';
import { formatShanghai } from './shanghai-time';

const KEY = ['notifications'];
/** Reminders and overdue warnings come from background jobs: look again every minute. */
const POLL_MS = 60_000;

/** The header's bell: unread count, the latest notifications, open one to go where it points. */
export function NotificationBell() {
  const t = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<Page<NotificationView> & { unread: number }>('/notifications', { query: { pageSize: 8 } }),
    refetchInterval: POLL_MS,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  const markRead = useMutation({ mutationFn: (id: string) => api.post(`/notifications/${id}/read`), onSuccess: refresh });
  const markAll = useMutation({ mutationFn: () => api.post('/notifications/read-all'), onSuccess: refresh });
  const unread = list.data?.unread ?? 0;

  const open = (n: NotificationView) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.link) navigate(n.link);
  };

  const content = (
    <div style={{ width: 340 }} data-testid="notification-list">
      {list.data?.data.length ? (
        <List
          size="small"
          dataSource={list.data.data}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
              onClick={() => open(n)}
              onKeyDown={(e) => e.key === 'Enter' && open(n)}
              tabIndex={0}
              role="button"
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{locale === 'en-US' ? n.title.en : n.title.zh}</Typography.Text>}
                description={
                  <Space direction="vertical" size={0}>
                    {n.body ? <Typography.Text type="secondary">{n.body}</Typography.Text> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatShanghai(n.createdAt, false)}
                    </Typography.Text>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <span>{t('notifications.title')}</span>
          <Button
            size="small"
            type="link"
            disabled={unread === 0}
            onClick={() => markAll.mutate()}
            data-testid="notifications-read-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        </Space>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-2, 2]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('notifications.unread', { count: unread })}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
