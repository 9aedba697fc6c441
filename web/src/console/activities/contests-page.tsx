import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Badge, Button, Card, Flex, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { ContestDrawer } from './contest-drawer';
import { contestKeys } from './queries';
import type { Contest } from './types';
import { usePagedFilters } from '../shared/paged-filters';

interface Filters {
  orgId?: number;
  page: number;
  pageSize: number;
}

/** A window on one line: the end without its year when it falls in the start's year. */
function span(from: string, to: string) {
  const [start, end] = [formatTime(from), formatTime(to)];
  return `${start} – ${end.slice(0, 4) === start.slice(0, 4) ? end.slice(5) : end}`;
}

/** The two windows of a contest, one per line, never wrapped. */
function Windows({ contest }: { contest: Contest }) {
  const { t } = useTranslation();
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <div>
        <Typography.Text type="secondary">{t('contests.field.submitWindow')} </Typography.Text>
        {span(contest.submitOpensAt, contest.submitClosesAt)}
      </div>
      <div>
        <Typography.Text type="secondary">{t('contests.field.voteWindow')} </Typography.Text>
        {span(contest.voteOpensAt, contest.voteClosesAt)}
      </div>
    </div>
  );
}

/** 比赛管理: themed contests in scope with their entries waiting for moderation. */
export function ContestsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const writable = can(me, 'activity.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);

  const list = useQuery({
    queryKey: [...contestKeys.list, filters],
    queryFn: () => unwrap(api.GET('/api/contests', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.contests')}</h1>}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('contests.list.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear includeClosed placeholder={t('activities.allOrgs')} style={{ width: 280 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <ExportButton url="/api/contests/export" filters={filters} />
      </Flex>
      <Table<Contest>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('contests.list.empty') }}
        // Every header fits its column at 1366 px: the title takes what the fixed columns leave.
        scroll={{ x: 1060 }}
        onRow={(c) => ({ onClick: () => navigate(`/contests/${c.id}`), style: { cursor: 'pointer' } })}
        pagination={pagination(list.data, (total) => t('contests.list.total', { total }))}
        columns={[
          {
            title: t('contests.field.title'),
            dataIndex: 'title',
            render: (title: string, c) => (
              <Space direction="vertical" size={2}>
                <Typography.Link onClick={() => navigate(`/contests/${c.id}`)}>{title}</Typography.Link>
                <Space size={4} wrap>
                  <Tag bordered={false} color="red">
                    {c.theme}
                  </Tag>
                  <Tag bordered={false}>{t(`contests.entryKind.${c.entryKind}`)}</Tag>
                  {c.status === 'cancelled' && <Tag>{t('contests.status.cancelled')}</Tag>}
                </Space>
              </Space>
            ),
          },
          { title: t('contests.field.org'), dataIndex: 'orgName', width: 130, ellipsis: { showTitle: true } },
          { title: t('activities.field.time'), key: 'windows', width: 330, render: (_, c) => <Windows contest={c} /> },
          {
            title: <span title={`${t('contests.field.entriesPerMember')} / ${t('contests.field.votesPerMember')}`}>{t('contests.field.limits')}</span>,
            key: 'limits',
            width: 110,
            render: (_, c) => <span style={{ whiteSpace: 'nowrap' }}>{`${t('contests.list.perMember', { count: c.entriesPerMember })} / ${t('contests.list.perMemberVotes', { count: c.votesPerMember })}`}</span>,
          },
          { title: t('contests.field.entries'), dataIndex: 'entries', align: 'right', width: 100 },
          { title: t('contests.field.pending'), dataIndex: 'pending', align: 'right', width: 90, render: (v: number) => <Badge count={v} showZero color={v > 0 ? '#c8161d' : '#d9d9d9'} /> },
          {
            title: t('contests.field.actions'),
            key: 'actions',
            fixed: 'right',
            width: 120,
            render: (_, c) => (
              <Button type="link" size="small" onClick={() => navigate(`/contests/${c.id}`)}>
                {t('contests.list.manage')}
              </Button>
            ),
          },
        ]}
      />
      <ContestDrawer open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
