import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button, Card, Flex, Input, InputNumber, Select, Table, Tag } from 'antd';
import { ImportOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { SpreadsheetImport } from '../shared/spreadsheet-import';
import { can } from '../access';
import { ExportButton } from '../shared/export-button';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { pioneerKeys } from './queries';
import { LevelTag, TypeTag } from './tags';
import { levels, pioneerTypes, type Level, type PioneerType, type TitleItem } from './types';

interface Filter {
  orgId?: number;
  level?: Level;
  type?: PioneerType;
  status?: TitleItem['status'];
  year?: number;
  q?: string;
  page: number;
}

/** 先锋号名录: every title in scope, filtered; cadres import historic titles from Excel. */
export function TitlesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<Filter>({ page: 1, year: params.get('year') ? Number(params.get('year')) : undefined });
  const [q, setQ] = useState('');
  const [importing, setImporting] = useState(false);
  const titles = useQuery({
    queryKey: pioneerKeys.titles(filter),
    queryFn: () => unwrap(api.GET('/api/pioneer/titles', { params: { query: { ...filter, pageSize: 20 } } })),
  });
  const set = (change: Partial<Filter>) => setFilter({ ...filter, ...change, page: 1 });
  const f = (k: string) => t(`pioneer.titles.field.${k}`);

  return (
    <Flex vertical gap={16}>
      {importing && (
        <SpreadsheetImport
          ns="pioneer.titles.files"
          templateUrl="/api/pioneer/titles/import-template"
          templateName="工人先锋号称号导入模板.xlsx"
          importUrl="/api/pioneer/titles/import"
          onImported={() => queryClient.invalidateQueries({ queryKey: pioneerKeys.all })}
        />
      )}
      <Card
        title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('pioneer.titles.title')}</h1>}
        extra={
          can(me, 'pioneer.write') && (
            <Button icon={<ImportOutlined />} type={importing ? 'default' : 'primary'} onClick={() => setImporting(!importing)}>
              {importing ? t('action.close') : t('pioneer.titles.importOpen')}
            </Button>
          )
        }
      >
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <OrgTreeSelect allowClear includeClosed value={filter.orgId} onChange={(orgId) => set({ orgId })} placeholder={t('pioneer.titles.allOrgs')} style={{ width: 240 }} />
          <Select allowClear placeholder={t('pioneer.titles.allLevels')} value={filter.level} onChange={(level) => set({ level })} options={levels.map((l) => ({ value: l, label: t(`pioneer.level.${l}`) }))} style={{ width: 120 }} />
          <Select allowClear placeholder={t('pioneer.titles.allTypes')} value={filter.type} onChange={(type) => set({ type })} options={pioneerTypes.map((p) => ({ value: p, label: t(`pioneerType.${p}`) }))} style={{ width: 150 }} />
          <Select
            allowClear
            placeholder={t('pioneer.titles.allStatus')}
            value={filter.status}
            onChange={(status) => set({ status })}
            options={(['active', 'revoked'] as const).map((s) => ({ value: s, label: t(`pioneer.titles.status.${s}`) }))}
            style={{ width: 120 }}
          />
          <InputNumber placeholder={f('year')} min={1900} max={2100} value={filter.year} onChange={(year) => set({ year: year ?? undefined })} style={{ width: 120 }} />
          <Input.Search allowClear placeholder={t('pioneer.titles.search')} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: 240 }} />
          <ExportButton url="/api/pioneer/titles/export" filters={filter} />
        </Flex>
        <Table<TitleItem>
          rowKey="id"
          size="middle"
          loading={titles.isPending}
          dataSource={titles.data?.items}
          locale={{ emptyText: titles.isError ? titles.error.message : t('pioneer.titles.empty') }}
          pagination={{ current: filter.page, pageSize: 20, total: titles.data?.total, showSizeChanger: false, onChange: (page) => setFilter({ ...filter, page }) }}
          scroll={{ x: 1000 }}
          columns={[
            { title: f('team'), dataIndex: 'teamName', render: (name: string, row) => <Link to={`/pioneer/titles/${row.id}`}>{name}</Link> },
            { title: f('enterprise'), dataIndex: 'enterpriseName' },
            { title: f('org'), dataIndex: 'orgName' },
            { title: f('type'), dataIndex: 'type', width: 120, render: (type: PioneerType) => <TypeTag type={type} /> },
            { title: f('level'), dataIndex: 'level', width: 80, render: (level: Level) => <LevelTag level={level} /> },
            { title: f('year'), dataIndex: 'year', width: 90 },
            { title: f('source'), dataIndex: 'source', width: 110, render: (s: TitleItem['source']) => t(`pioneer.titles.source.${s}`) },
            {
              title: f('status'),
              dataIndex: 'status',
              width: 80,
              render: (s: TitleItem['status']) => <Tag bordered={false} color={s === 'active' ? 'green' : 'default'}>{t(`pioneer.titles.status.${s}`)}</Tag>,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
