import { useState } from 'react';
import { App, Button, Checkbox, Flex, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Enterprise, OrgDetail } from '../../api/types';
import { reportError } from '../shared/errors';
import { ExportButton } from '../shared/export-button';
import { EnterpriseFormModal } from './enterprise-form-modal';
import { enterpriseKeys, orgKeys } from './queries';
import { TeamsPanel } from './teams-panel';
import { usePagedFilters } from '../shared/paged-filters';

interface Filters {
  q?: string;
  withoutUnion: boolean;
  newEconomy: boolean;
  includeClosed: boolean;
  page: number;
  pageSize: number;
}

/** 企业: enterprises covered anywhere under the org, with coverage prompts and their teams. */
export function EnterprisesTab({ org, writable }: { org: OrgDetail; writable: boolean }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const { filters, set, pagination } = usePagedFilters<Filters>({ withoutUnion: false, newEconomy: false, includeClosed: false, page: 1, pageSize: 10 });
  const [editing, setEditing] = useState<Enterprise | 'new' | null>(null);

  const query = {
    orgId: org.id,
    q: filters.q || undefined,
    withoutUnion: filters.withoutUnion || undefined,
    newEconomy: filters.newEconomy || undefined,
    status: filters.includeClosed ? undefined : ('active' as const),
  };
  const list = useQuery({
    queryKey: [...enterpriseKeys.all, org.id, filters],
    queryFn: () => unwrap(api.GET('/api/enterprises', { params: { query: { ...query, page: filters.page, pageSize: filters.pageSize } } })),
    placeholderData: keepPreviousData,
  });

  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
    queryClient.invalidateQueries({ queryKey: orgKeys.all });
  };

  const close = useMutation({
    mutationFn: (e: Enterprise) => unwrap(api.POST('/api/enterprises/{id}/close', { params: { path: { id: e.id } } })),
    onSuccess: () => {
      message.success(t('enterprises.closedDone'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });

  const confirmClose = (e: Enterprise) =>
    modal.confirm({
      title: t('enterprises.closeConfirmTitle', { name: e.name }),
      content: t('enterprises.closeConfirmText'),
      okText: t('enterprises.close'),
      okButtonProps: { danger: true },
      onOk: () => close.mutateAsync(e).catch(() => undefined),
    });


  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Space wrap size={[16, 8]}>
          <Input.Search
            allowClear
            placeholder={t('enterprises.searchPlaceholder')}
            aria-label={t('enterprises.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(q) => set({ q })}
          />
          <Checkbox checked={filters.withoutUnion} onChange={(e) => set({ withoutUnion: e.target.checked })}>
            {t('enterprises.onlyWithoutUnion')}
          </Checkbox>
          <Checkbox checked={filters.newEconomy} onChange={(e) => set({ newEconomy: e.target.checked })}>
            {t('enterprises.onlyNewEconomy')}
          </Checkbox>
          <Checkbox checked={filters.includeClosed} onChange={(e) => set({ includeClosed: e.target.checked })}>
            {t('enterprises.includeClosed')}
          </Checkbox>
        </Space>
        <Space>
          <ExportButton url="/api/enterprises/export" filters={query} />
          {writable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('enterprises.create')}
            </Button>
          )}
        </Space>
      </Flex>
      <Table<Enterprise>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('enterprises.empty') }}
        scroll={{ x: 860 }}
        pagination={pagination(list.data)}
        expandable={{ expandedRowRender: (e) => <TeamsPanel enterprise={e} writable={writable && e.status === 'active'} /> }}
        columns={[
          {
            title: t('enterprises.field.name'),
            key: 'name',
            render: (_, e) => (
              <div>
                <Typography.Text strong delete={e.status === 'closed'}>
                  {e.name}
                </Typography.Text>
                <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', margin: '2px 0 4px' }}>
                  {[e.industry, e.foundedOn && t('enterprises.foundedOn', { date: e.foundedOn })].filter(Boolean).join(' · ') || '—'}
                </div>
                <Flex gap={4} wrap>
                  {!e.hasUnion && <Tag color="orange">{t('enterprises.tag.withoutUnion')}</Tag>}
                  {e.needsUnion && (
                    <Tooltip title={t('enterprises.needsUnionTip')}>
                      <Tag color="red">{t('enterprises.tag.needsUnion')}</Tag>
                    </Tooltip>
                  )}
                  {e.newEconomy && <Tag color="purple">{t('enterprises.tag.newEconomy')}</Tag>}
                  {e.status === 'closed' && <Tag>{t('enterprises.tag.closed')}</Tag>}
                </Flex>
              </div>
            ),
          },
          { title: t('enterprises.field.uscc'), dataIndex: 'uscc', width: 190, className: 'gh-nowrap', render: (v: string) => <span className="gh-mono">{v}</span> },
          { title: t('enterprises.field.org'), dataIndex: 'orgName', width: 180, ellipsis: true },
          { title: t('enterprises.field.employees'), dataIndex: 'employees', width: 88, align: 'right', render: (v: number | null) => v ?? '—' },
          { title: t('enterprises.field.teams'), dataIndex: 'teamCount', width: 64, align: 'right' },
          ...(writable
            ? [
                {
                  title: t('enterprises.field.actions'),
                  key: 'actions',
                  fixed: 'right' as const,
                  width: 116,
                  render: (_: unknown, e: Enterprise) =>
                    e.status === 'active' && (
                      <Space size={0}>
                        <Button type="link" size="small" onClick={() => setEditing(e)}>
                          {t('enterprises.edit')}
                        </Button>
                        <Button type="link" size="small" danger onClick={() => confirmClose(e)}>
                          {t('enterprises.close')}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <EnterpriseFormModal
        open={editing !== null}
        enterprise={editing === 'new' ? null : editing}
        defaultOrgId={org.id}
        onClose={() => setEditing(null)}
        onDone={refresh}
      />
    </>
  );
}
