import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Descriptions, Flex, Result, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { OrgDetail } from '../../api/types';
import { orgKindColor, orgKindLabel } from '../../ui/orgs';
import { formatTime } from '../../ui/time';
import { canWriteOrg } from '../access';
import { reportError } from '../shared/errors';
import { useCurrentUser } from '../shared/me-context';
import { ExportButton } from '../shared/export-button';
import { ScreenButton } from '../overview/screen-button';
import { ChildrenTable } from './children-table';
import { EnterprisesTab } from './enterprises-tab';
import { CreateOrgModal, EditOrgModal, MoveOrgModal } from './org-modals';
import { childChoices } from './org-rules';
import { enterpriseKeys, orgKeys } from './queries';

interface Props {
  orgId: number;
  query: UseQueryResult<OrgDetail>;
  onSelect: (id: number) => void;
}

type Dialog = 'create' | 'edit' | 'move' | null;

export function OrgDetailPanel({ orgId, query, onSelect }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tab, setTab] = useState('children');

  const close = useMutation({
    mutationFn: () => unwrap(api.POST('/api/orgs/{id}/close', { params: { path: { id: orgId } } })),
    onSuccess: () => {
      message.success(t('orgs.closedDone'));
      queryClient.invalidateQueries({ queryKey: orgKeys.all });
    },
    onError: (error) => reportError(message, error),
  });

  if (query.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (query.isError) {
    return (
      <Card>
        <Result status="warning" title={query.error.message} />
      </Card>
    );
  }

  const org = query.data;
  const open = org.status === 'active';
  const ancestorIds = org.ancestors.map((a) => a.id);
  const writable = open && canWriteOrg(me, org.id, ancestorIds);
  // Moving takes the org out of its parent: the server asks for write access there too, so the top
  // org of a cadre's own scope cannot move.
  const movable = writable && org.parentId !== null && canWriteOrg(me, org.parentId, ancestorIds);
  const choices = childChoices(org);
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: orgKeys.all });
    queryClient.invalidateQueries({ queryKey: enterpriseKeys.all });
  };

  const confirmClose = () =>
    modal.confirm({
      title: t('orgs.closeConfirmTitle', { name: org.name }),
      content: t('orgs.closeConfirmText'),
      okText: t('orgs.close'),
      okButtonProps: { danger: true },
      onOk: () => close.mutateAsync().catch(() => undefined),
    });

  const kindDetail =
    org.kind === 'federation' && org.level
      ? { label: t('orgs.field.level'), value: t(`levelShort.${org.level}`) }
      : org.kind === 'joint_union' && org.basis
        ? { label: t('orgs.field.basis'), value: t(`basis.${org.basis}`) }
        : null;

  return (
    <Flex vertical gap={16}>
      <Card>
        <Breadcrumb
          style={{ marginBottom: 12 }}
          items={[
            ...org.ancestors.map((a) => ({ key: a.id, title: <a onClick={() => onSelect(a.id)}>{a.name}</a> })),
            { key: org.id, title: org.name },
          ]}
        />
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Space size={10} align="center" wrap>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {org.name}
            </Typography.Title>
            <Tag color={orgKindColor[org.kind]}>{orgKindLabel(t, org)}</Tag>
            {!open && <Tag>{t('status.closed')}</Tag>}
          </Space>
          <Space wrap>
            {open && <ScreenButton orgId={org.id} />}
            {writable && (
              <>
                {choices.length > 0 && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog('create')}>
                    {t('orgs.create')}
                  </Button>
                )}
                <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>
                  {t('orgs.rename')}
                </Button>
                {movable && (
                  <Button icon={<DragOutlined />} onClick={() => setDialog('move')}>
                    {t('orgs.move')}
                  </Button>
                )}
                <Button danger icon={<DeleteOutlined />} onClick={confirmClose} loading={close.isPending}>
                  {t('orgs.close')}
                </Button>
              </>
            )}
          </Space>
        </Flex>
        {!open && <Alert type="warning" showIcon style={{ marginTop: 16 }} title={t('orgs.closed', { at: formatTime(org.closedAt) })} />}
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('orgs.field.kind')}>{t(`orgKind.${org.kind}`)}</Descriptions.Item>
          {kindDetail && <Descriptions.Item label={kindDetail.label}>{kindDetail.value}</Descriptions.Item>}
          <Descriptions.Item label={t('orgs.field.region')}>{org.region ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.field.childCount')}>{t('orgs.countUnit', { count: org.childCount })}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.field.enterpriseCount')}>{t('orgs.enterpriseUnit', { count: org.enterpriseCount })}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.field.status')}>{t(`status.${org.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.field.createdAt')}>{formatTime(org.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('orgs.field.updatedAt')}>{formatTime(org.updatedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          tabBarExtraContent={tab === 'children' && <ExportButton url="/api/orgs/export" filters={{ under: org.id }} />}
          items={[
            { key: 'children', label: `${t('orgs.tabs.children')} (${org.childCount})`, children: <ChildrenTable orgId={org.id} onSelect={onSelect} /> },
            { key: 'enterprises', label: t('orgs.tabs.enterprises'), children: <EnterprisesTab org={org} writable={writable} /> },
          ]}
        />
      </Card>
      {/* Keyed by org: each org's dialogs get a form of their own, so none starts from another org's values. */}
      <CreateOrgModal key={`create-${org.id}`} open={dialog === 'create'} parent={org} choices={choices} onClose={() => setDialog(null)} onDone={refresh} />
      <EditOrgModal key={`edit-${org.id}`} open={dialog === 'edit'} org={org} onClose={() => setDialog(null)} onDone={refresh} />
      <MoveOrgModal key={`move-${org.id}`} open={dialog === 'move'} org={org} onClose={() => setDialog(null)} onDone={refresh} />
    </Flex>
  );
}
