import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { App, Button, Card, Descriptions, Image, Result, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { reportError } from '../shared/errors';
import { ExportButton } from '../shared/export-button';
import { ReasonAction } from '../shared/reason-action';
import { contestKeys } from './queries';
import type { ContestEntry, ContestResult, EntryStatus } from './types';
import './activities.css';

const statusColor: Record<EntryStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };
const moderationTabs: EntryStatus[] = ['pending', 'approved', 'rejected'];

/** What an entry is: its photo's thumbnail (full size on click), its text, or its video. */
function EntryContent({ entry }: { entry: Omit<ContestEntry, 'actions'> }) {
  const { t } = useTranslation();
  return (
    <Space align="start" size={12}>
      {entry.thumbUrl && <Image src={entry.thumbUrl} alt={entry.title} className="gh-entry-thumb" width={96} height={96} preview={entry.fileUrl ? { src: entry.fileUrl } : false} />}
      <div style={{ minWidth: 0, maxWidth: 520 }}>
        <Typography.Text strong>{entry.title}</Typography.Text>
        {entry.body && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }} style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
            {entry.body}
          </Typography.Paragraph>
        )}
        {entry.link && (
          <div>
            <Typography.Link href={entry.link} target="_blank" rel="noreferrer noopener">
              {t('contests.detail.openLink')}
            </Typography.Link>
          </div>
        )}
        {entry.fileUrl && !entry.thumbUrl && (
          <div>
            <Typography.Link href={entry.fileUrl} target="_blank">
              {t('contests.detail.openFile')}
            </Typography.Link>
          </div>
        )}
      </div>
    </Space>
  );
}

/** 作品审核: one status's entries; pending ones are approved for the gallery or rejected with a reason. */
function ModerationTable({ contestId, status, writable }: { contestId: number; status: EntryStatus; writable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useQuery({
    queryKey: [...contestKeys.entries(contestId, status), page],
    queryFn: () => unwrap(api.GET('/api/contests/{id}/entries', { params: { path: { id: contestId }, query: { ...page, status } } })),
    placeholderData: keepPreviousData,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: contestKeys.all });
  const approve = useMutation({
    mutationFn: (e: ContestEntry) => unwrap(api.POST('/api/contest-entries/{id}/approve', { params: { path: { id: e.id } } })),
    onSuccess: () => {
      message.success(t('contests.detail.approved'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  return (
    <Table<ContestEntry>
      rowKey="id"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: t('contests.detail.noEntries') }}
      pagination={{ current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0, onChange: (p, pageSize) => setPage({ page: p, pageSize }) }}
      columns={[
        { title: t('contests.field.entry'), key: 'entry', render: (_, e) => <EntryContent entry={e} /> },
        { title: t('contests.field.author'), dataIndex: 'author', width: 120 },
        { title: t('contests.field.submittedAt'), dataIndex: 'createdAt', width: 160, render: formatTime },
        ...(status === 'approved' ? [{ title: t('contests.field.votes'), dataIndex: 'votes', align: 'right' as const, width: 80 }] : []),
        ...(status === 'rejected' ? [{ title: t('contests.field.reason'), dataIndex: 'reason', width: 220 }] : []),
        ...(status === 'pending' && writable
          ? [
              {
                title: t('contests.field.actions'),
                key: 'actions',
                width: 150,
                // Only the moderation the API offers on this entry.
                render: (_: unknown, e: ContestEntry) => (
                  <Space>
                    {e.actions.includes('approve') && (
                      <Button type="primary" size="small" loading={approve.isPending && approve.variables?.id === e.id} onClick={() => approve.mutate(e)}>
                        {t('contests.detail.approve')}
                      </Button>
                    )}
                    {e.actions.includes('reject') && (
                      <ReasonAction
                        label={t('contests.detail.reject')}
                        title={t('contests.detail.rejectTitle', { title: e.title })}
                        button={{ size: 'small' }}
                        submit={(reason) => unwrap(api.POST('/api/contest-entries/{id}/reject', { params: { path: { id: e.id } }, body: { reason } }))}
                        done={t('contests.detail.rejected')}
                        onDone={refresh}
                      />
                    )}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

/** 结果: approved entries ranked by votes; entries with equal votes share a rank. */
function ResultsTable({ contestId }: { contestId: number }) {
  const { t } = useTranslation();
  const results = useQuery({
    queryKey: contestKeys.results(contestId),
    queryFn: () => unwrap(api.GET('/api/contests/{id}/results', { params: { path: { id: contestId } } })),
  });
  return (
    <Table<ContestResult>
      rowKey="id"
      loading={results.isFetching}
      dataSource={results.data?.items ?? []}
      locale={{ emptyText: t('contests.detail.noResults') }}
      pagination={false}
      columns={[
        { title: t('contests.field.rank'), dataIndex: 'rank', width: 80, render: (rank: number) => <Tag color={rank <= 3 ? 'red' : undefined}>{rank}</Tag> },
        { title: t('contests.field.entry'), key: 'entry', render: (_, e) => <EntryContent entry={e} /> },
        { title: t('contests.field.author'), dataIndex: 'author', width: 120 },
        { title: t('contests.field.votes'), dataIndex: 'votes', align: 'right', width: 80 },
      ]}
    />
  );
}

/** One contest for its organisers: moderation queue by status, and the results. */
export function ContestPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const contestId = Number(useParams().contestId);
  const [tab, setTab] = useState<EntryStatus | 'results'>('pending');
  const contest = useQuery({
    queryKey: contestKeys.one(contestId),
    queryFn: () => unwrap(api.GET('/api/contests/{id}', { params: { path: { id: contestId } } })),
  });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/contests')}>
      {t('contests.detail.back')}
    </Button>
  );

  if (contest.isError) {
    const missing = contest.error instanceof ApiError && contest.error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('contests.detail.missing') : t('error.loadFailed')} subTitle={missing ? undefined : contest.error.message} extra={back} />;
  }
  const c = contest.data;
  if (!c) return <Skeleton active />;
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{c.title}</h1>} extra={back}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginBottom: 8 }}>
        <Descriptions.Item label={t('contests.field.theme')}>{c.theme}</Descriptions.Item>
        <Descriptions.Item label={t('contests.field.entryKind')}>{t(`contests.entryKind.${c.entryKind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('contests.field.org')}>{c.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('contests.field.submitWindow')}>
          {formatTime(c.submitOpensAt)} – {formatTime(c.submitClosesAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('contests.field.voteWindow')}>
          {formatTime(c.voteOpensAt)} – {formatTime(c.voteClosesAt)}
        </Descriptions.Item>
        <Descriptions.Item label={`${t('contests.field.entriesPerMember')} / ${t('contests.field.votesPerMember')}`}>
          {c.entriesPerMember} / {c.votesPerMember}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as EntryStatus | 'results')}
        tabBarExtraContent={tab !== 'results' && <ExportButton url={`/api/contests/${c.id}/entries/export`} filters={{ status: tab }} />}
        items={[
          ...moderationTabs.map((s) => ({
            key: s,
            label: (
              <Space size={4}>
                <Tag color={statusColor[s]} bordered={false} style={{ marginInlineEnd: 0 }}>
                  {t(`contests.entryStatus.${s}`)}
                </Tag>
                {s === 'pending' && c.pending > 0 && <span>{c.pending}</span>}
                {s === 'approved' && <span>{c.entries}</span>}
              </Space>
            ),
            children: <ModerationTable contestId={c.id} status={s} writable={c.actions.includes('moderate')} />,
          })),
          { key: 'results', label: t('contests.detail.results'), children: <ResultsTable contestId={c.id} /> },
        ]}
      />
    </Card>
  );
}
