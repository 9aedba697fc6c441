import { Table, Tag } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Org } from '../../api/types';
import { orgKindColor, orgKindLabel } from '../../ui/orgs';
import { formatTime } from '../../ui/time';
import { fetchChildren, orgKeys } from './queries';

/** 下级组织: the direct sub-organisations, closed ones included; a name opens it. */
export function ChildrenTable({ orgId, onSelect }: { orgId: number; onSelect: (id: number) => void }) {
  const { t } = useTranslation();
  const children = useQuery({ queryKey: orgKeys.children(orgId), queryFn: () => fetchChildren(orgId) });
  return (
    <Table<Org>
      rowKey="id"
      size="middle"
      loading={children.isPending}
      dataSource={children.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('orgs.childrenEmpty') }}
      columns={[
        { title: t('orgs.field.name'), dataIndex: 'name', width: 240, render: (name: string, org) => <a onClick={() => onSelect(org.id)}>{name}</a> },
        { title: t('orgs.field.kind'), key: 'kind', render: (_, org) => <Tag color={orgKindColor[org.kind]} bordered={false}>{orgKindLabel(t, org)}</Tag> },
        { title: t('orgs.field.region'), dataIndex: 'region', width: 160, render: (v: string | null) => v ?? '—' },
        { title: t('orgs.field.childCount'), dataIndex: 'childCount', align: 'right' },
        { title: t('orgs.field.enterpriseCount'), dataIndex: 'enterpriseCount', align: 'right' },
        {
          title: t('orgs.field.status'),
          dataIndex: 'status',
          render: (s: Org['status']) => <Tag color={s === 'active' ? 'green' : 'default'}>{t(`status.${s}`)}</Tag>,
        },
        { title: t('orgs.field.createdAt'), dataIndex: 'createdAt', className: 'gh-nowrap', render: formatTime },
      ]}
    />
  );
}
