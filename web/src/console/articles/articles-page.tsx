import { useState } from 'react';
import { App, Button, Card, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { AppstoreOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { ExportButton } from '../shared/export-button';
import { usePagedFilters } from '../shared/paged-filters';
import { ArticleDrawer } from './article-drawer';
import { ColumnsModal } from './columns-modal';
import { useColumnOptions } from './columns';
import { articleKeys, articleStates, type ArticleColumn, type ArticleState, type ManagedArticle } from './types';
import './articles.css';

interface Filters {
  orgId?: number;
  column?: ArticleColumn;
  status?: ArticleState;
  page: number;
  pageSize: number;
}

const stateColor: Record<ArticleState, string> = { draft: 'default', scheduled: 'gold', published: 'green', withdrawn: 'red' };

/** 资讯发布: the articles in scope, with drafts and statuses; cadres write, publish, pin and withdraw. */
export function ArticlesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'article.write');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [managingColumns, setManagingColumns] = useState(false);
  const columnOptions = useColumnOptions();

  const list = useQuery({
    queryKey: [...articleKeys.list, filters],
    queryFn: () => unwrap(api.GET('/api/articles/manage', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });

  const act = useMutation({
    mutationFn: async ({ a, step }: { a: ManagedArticle; step: 'publish' | 'withdraw' | 'pin' | 'unpin' }) => {
      const path = { path: { id: a.id } };
      if (step === 'publish') await unwrap(api.POST('/api/articles/{id}/publish', { params: path, body: {} }));
      else if (step === 'withdraw') await unwrap(api.POST('/api/articles/{id}/withdraw', { params: path }));
      else await unwrap(api.POST('/api/articles/{id}/pin', { params: path, body: { pinned: step === 'pin' } }));
      return step;
    },
    onSuccess: (step) => {
      message.success(t(step === 'publish' ? 'articles.list.published' : step === 'withdraw' ? 'articles.list.withdrawn' : step === 'pin' ? 'articles.list.pinnedDone' : 'articles.list.unpinnedDone'));
      queryClient.invalidateQueries({ queryKey: articleKeys.all });
    },
    onError: (error) => reportError(message, error),
  });

  const confirmWithdraw = (a: ManagedArticle) =>
    modal.confirm({
      title: t('articles.list.withdraw'),
      content: t('articles.list.withdrawConfirm', { title: a.title }),
      okText: t('articles.list.withdraw'),
      okButtonProps: { danger: true },
      onOk: () => act.mutateAsync({ a, step: 'withdraw' }).catch(() => undefined),
    });

  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.articles')}</h1>}
      extra={
        <Space>
          <Button icon={<AppstoreOutlined />} onClick={() => setManagingColumns(true)}>
            {t('articles.columns.manage')}
          </Button>
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('articles.list.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear includeClosed placeholder={t('articles.allOrgs')} style={{ width: 280 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
        <Select<ArticleColumn | 'all'>
          style={{ width: 160 }}
          aria-label={t('articles.field.column')}
          value={filters.column ?? 'all'}
          onChange={(v) => set({ column: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: t('articles.allColumns') }, ...columnOptions]}
        />
        <Select<ArticleState | 'all'>
          style={{ width: 140 }}
          aria-label={t('articles.field.status')}
          value={filters.status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? undefined : v })}
          options={[{ value: 'all', label: t('articles.allStatus') }, ...articleStates.map((s) => ({ value: s, label: t(`articles.status.${s}`) }))]}
        />
        <ExportButton url="/api/articles/manage/export" filters={filters} />
      </Flex>
      <Table<ManagedArticle>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('articles.list.empty') }}
        scroll={{ x: 1000 }}
        pagination={pagination(list.data, (total) => t('articles.list.total', { total }))}
        columns={[
          {
            title: t('articles.field.title'),
            dataIndex: 'title',
            width: 320,
            render: (title: string, a) => (
              <Space direction="vertical" size={2}>
                {a.actions.includes('update') ? <Typography.Link onClick={() => setEditing(a.id)}>{title}</Typography.Link> : <Typography.Text>{title}</Typography.Text>}
                <Space size={4} wrap>
                  <Tag bordered={false}>{a.columnName}</Tag>
                  {a.pinned && <Tag color="volcano">{t('articles.list.pinned')}</Tag>}
                  {a.public && <Tag bordered={false} color="blue">{t('articles.list.publicTag')}</Tag>}
                </Space>
              </Space>
            ),
          },
          { title: t('articles.field.org'), dataIndex: 'orgName', width: 160 },
          { title: t('articles.field.status'), dataIndex: 'status', width: 96, render: (s: ArticleState) => <Tag color={stateColor[s]}>{t(`articles.status.${s}`)}</Tag> },
          { title: t('articles.field.publishedAt'), dataIndex: 'publishedAt', width: 150, render: (at: string | null) => (at ? formatTime(at) : '—') },
          { title: t('articles.field.reads'), dataIndex: 'reads', align: 'right', width: 72 },
          ...(writable
            ? [
                {
                  title: t('articles.field.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 220,
                  // Only what the API says this caller may do to this article now.
                  render: (_: unknown, a: ManagedArticle) => (
                    <Space size={0} wrap>
                      {a.actions.includes('update') && (
                        <Button type="link" size="small" onClick={() => setEditing(a.id)}>
                          {t('articles.list.edit')}
                        </Button>
                      )}
                      {a.actions.includes('publish') && (
                        <Button type="link" size="small" onClick={() => act.mutate({ a, step: 'publish' })}>
                          {a.status === 'scheduled' ? t('articles.list.publishNow') : t('articles.list.publish')}
                        </Button>
                      )}
                      {(['pin', 'unpin'] as const)
                        .filter((step) => a.actions.includes(step))
                        .map((step) => (
                          <Button key={step} type="link" size="small" onClick={() => act.mutate({ a, step })}>
                            {t(`articles.list.${step}`)}
                          </Button>
                        ))}
                      {a.actions.includes('withdraw') && (
                        <Button type="link" size="small" danger onClick={() => confirmWithdraw(a)}>
                          {t('articles.list.withdraw')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ArticleDrawer article={editing} onClose={() => setEditing(null)} />
      <ColumnsModal open={managingColumns} onClose={() => setManagingColumns(false)} />
    </Card>
  );
}
