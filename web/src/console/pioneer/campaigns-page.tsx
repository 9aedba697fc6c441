import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Flex, Form, InputNumber, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { can } from '../access';
import { ExportButton } from '../shared/export-button';
import { useCurrentUser } from '../shared/me-context';
import { CampaignFormModal } from './campaign-form-modal';
import { pioneerKeys } from './queries';
import { CampaignStatusTag } from './tags';
import type { Campaign, CampaignStatus } from './types';

const statuses: readonly CampaignStatus[] = ['registration', 'self_assessment', 'scoring', 'showcase', 'publicity', 'named', 'cancelled'];

/** 创建活动: the campaigns the caller runs or takes part in. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState<{ year?: number; status?: CampaignStatus; page: number }>({ page: 1 });
  const campaigns = useQuery({
    queryKey: pioneerKeys.campaigns(filter),
    queryFn: () => unwrap(api.GET('/api/pioneer/campaigns', { params: { query: { ...filter, pageSize: 20 } } })),
  });
  const countyOrg = me.grants.find((g) => g.role === 'cadre' && g.orgId !== null)?.orgId ?? undefined;

  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('pioneer.campaigns.title')}</h1>}
      extra={
        can(me, 'pioneer.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('pioneer.campaigns.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <InputNumber
          placeholder={t('pioneer.campaigns.allYears')}
          min={2000}
          max={2100}
          value={filter.year}
          onChange={(year) => setFilter({ ...filter, year: year ?? undefined, page: 1 })}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('pioneer.campaigns.allStatus')}
          value={filter.status}
          onChange={(status) => setFilter({ ...filter, status, page: 1 })}
          options={statuses.map((s) => ({ value: s, label: t(`pioneer.campaignStatus.${s}`) }))}
          style={{ width: 160 }}
        />
        <ExportButton url="/api/pioneer/campaigns/export" filters={filter} />
      </Flex>
      <Table<Campaign>
        rowKey="id"
        loading={campaigns.isPending}
        dataSource={campaigns.data?.items}
        locale={{ emptyText: campaigns.isError ? campaigns.error.message : t('pioneer.campaigns.empty') }}
        pagination={{ current: filter.page, pageSize: 20, total: campaigns.data?.total, hideOnSinglePage: true, onChange: (page) => setFilter({ ...filter, page }) }}
        columns={[
          { title: t('pioneer.campaigns.field.name'), dataIndex: 'name', render: (name: string, c) => <Link to={`/pioneer/campaigns/${c.id}`}>{name}</Link> },
          { title: t('pioneer.campaigns.field.year'), dataIndex: 'year', width: 80 },
          { title: t('pioneer.campaigns.field.org'), dataIndex: 'orgName', width: 160 },
          { title: t('pioneer.campaigns.field.status'), dataIndex: 'status', width: 110, render: (s: CampaignStatus) => <CampaignStatusTag status={s} /> },
          { title: t('pioneer.campaigns.field.registrationDeadline'), dataIndex: 'registrationDeadline', width: 120 },
          { title: t('pioneer.campaigns.field.quota'), dataIndex: 'quota', width: 90, align: 'right' },
          { title: t('pioneer.campaigns.progress.candidates'), key: 'candidates', width: 100, align: 'right', render: (_, c) => c.progress.candidates },
          { title: t('pioneer.campaigns.progress.workers'), key: 'workers', width: 100, align: 'right', render: (_, c) => c.progress.workers },
        ]}
      />
      <CampaignFormModal
        open={creating}
        form={form}
        orgId={countyOrg}
        onClose={() => setCreating(false)}
        onDone={(c) => {
          message.success(t('pioneer.campaigns.created', { name: c.name }));
          queryClient.invalidateQueries({ queryKey: pioneerKeys.all });
          navigate(`/pioneer/campaigns/${c.id}`);
        }}
      />
    </Card>
  );
}
