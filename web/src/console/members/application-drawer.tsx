import { App, Alert, Button, Descriptions, Drawer, Result, Skeleton, Space, Tag, Tooltip } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { reportError } from '../shared/errors';
import { ReasonAction } from '../shared/reason-action';
import { memberKeys } from './queries';
import { ApplicationStatusTag } from './status-tags';
import type { JoinApplication } from './types';
import './members.css';

/**
 * Approving and rejecting a join application, the same from the list and from its drawer: only the
 * decisions the API offers (`actions`) are shown, each confirmed first.
 */
export function ApplicationDecisions({ application: a, button, onDecided }: { application: JoinApplication; button?: 'link' | 'default'; onDecided?: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  // A decision changes the roll and the coverage counts too.
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: memberKeys.all });
    onDecided?.();
  };
  const approve = useMutation({
    mutationFn: () => unwrap(api.POST('/api/join-applications/{id}/approve', { params: { path: { id: a.id } } })),
    onSuccess: (result) => {
      modal.success({ title: t('members.applications.approved', { memberNo: result.memberNo }) });
      refresh();
    },
    onError: (error) => reportError(message, error),
  });
  const confirmApprove = () =>
    modal.confirm({
      title: t('members.applications.approve'),
      content: t('members.applications.approveConfirm', { name: a.name }),
      okText: t('members.applications.approve'),
      onOk: () => approve.mutateAsync().catch(() => undefined),
    });
  const type = button === 'default' ? undefined : 'link';
  return (
    <Space size={button === 'default' ? 8 : 0}>
      {a.actions.includes('approve') && (
        <Button type={button === 'default' ? 'primary' : 'link'} onClick={confirmApprove}>
          {t('members.applications.approve')}
        </Button>
      )}
      {a.actions.includes('reject') && (
        <ReasonAction
          label={t('members.applications.reject')}
          title={t('members.applications.rejectTitle', { name: a.name })}
          button={{ type }}
          submit={(reason) => unwrap(api.POST('/api/join-applications/{id}/reject', { params: { path: { id: a.id } }, body: { reason } }))}
          done={t('members.applications.rejected')}
          onDone={refresh}
        />
      )}
    </Space>
  );
}

/** One join application with all its fields (ID number and phone masked), and its decisions. */
export function ApplicationDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: [...memberKeys.applications, 'detail', id],
    queryFn: () => unwrap(api.GET('/api/join-applications/{id}', { params: { path: { id: id! } } })),
    enabled: id !== null,
  });
  const a = detail.data;
  const f = (k: string) => t(`members.field.${k}`);
  return (
    <Drawer open={id !== null} onClose={onClose} size={520} title={t('members.applications.detail')} destroyOnHidden extra={a && <ApplicationDecisions application={a} button="default" />}>
      {detail.isPending && <Skeleton active />}
      {detail.isError && <Result status="error" title={t('error.loadFailed')} subTitle={detail.error.message} />}
      {a && (
        <>
          <Descriptions column={1} size="small" bordered styles={{ label: { width: 120 } }}>
            <Descriptions.Item label={f('name')}>{a.name}</Descriptions.Item>
            <Descriptions.Item label={f('idNumber')}>
              <span className="gh-masked">{a.idNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={f('phone')}>
              <span className="gh-masked">{a.phone}</span>
            </Descriptions.Item>
            <Descriptions.Item label={f('org')}>{a.orgName}</Descriptions.Item>
            <Descriptions.Item label={f('employer')}>{a.employerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={f('createdAt')}>
              <Space size={4}>
                {formatTime(a.createdAt)}
                {a.overdue && (
                  <Tooltip title={t('members.applications.overdueHint')}>
                    <Tag color="red">{t('members.applications.overdue')}</Tag>
                  </Tooltip>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={f('status')}>
              <ApplicationStatusTag status={a.status} />
            </Descriptions.Item>
            {a.decidedAt && <Descriptions.Item label={f('decidedAt')}>{formatTime(a.decidedAt)}</Descriptions.Item>}
            {a.reason && <Descriptions.Item label={f('reason')}>{a.reason}</Descriptions.Item>}
          </Descriptions>
          <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('members.applications.maskedNote')} />
        </>
      )}
    </Drawer>
  );
}
