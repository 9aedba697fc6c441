import { useState } from 'react';
import { Button, Card, Flex, Pagination, Result, Skeleton, Switch, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { loadNotices } from '../../ui/notices';
import { NoticeList } from './notice-list';
import { noticeKeys, useMarkRead } from './queries';

/** 消息通知: all of the user's notices, newest first, unread ones marked. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useState({ page: 1, pageSize: 20, unread: false });
  const list = useQuery({ queryKey: noticeKeys.list(query), queryFn: () => loadNotices(query), placeholderData: keepPreviousData });
  const markRead = useMarkRead();
  return (
    <Card>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <h1 style={{ fontSize: 16, margin: 0 }}>{t('notifications.title')}</h1>
        <label style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
          <Switch size="small" checked={query.unread} onChange={(unread) => setQuery({ ...query, unread, page: 1 })} />
          {t('notifications.unreadOnly')}
        </label>
        <Button style={{ marginInlineStart: 'auto' }} disabled={!list.data?.unread} loading={markRead.isPending} onClick={() => markRead.mutate(undefined)}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {list.isError && <Result status="error" title={t('error.loadFailed')} subTitle={list.error.message} />}
      {list.isPending && <Skeleton active />}
      {list.data && (
        <>
          <NoticeList items={list.data.items} />
          <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('notifications.total', { count: list.data.total })}</Typography.Text>
            <Pagination size="small" current={query.page} pageSize={query.pageSize} total={list.data.total} onChange={(page, pageSize) => setQuery({ ...query, page, pageSize })} />
          </Flex>
        </>
      )}
    </Card>
  );
}
