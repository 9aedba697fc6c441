import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Form, Input, Radio, Result, Select, Skeleton, Table, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { FormModal } from '../shared/form-modal';
import { useCurrentUser } from '../shared/me-context';
import { memberKeys } from './queries';
import { MemberStatusTag, TransferStatusTag } from './status-tags';
import './members.css';
import type { MemberChange, MemberDetail, MemberStatus, RegisterFields } from './types';
import { educations, ethnicities, newFormGroups, politicalStatuses, type Education, type Ethnicity, type NewFormGroup, type PoliticalStatus } from '../../ui/register';
import { UnionSearchSelect } from './union-search-select';

interface Props {
  memberId: number | null;
  onClose: () => void;
}

type Dialog = 'retain' | 'transfer' | 'register' | null;

/** One member: details (masked), full details on purpose (audited), status changes and transfers. */
export function MemberDrawer({ memberId, onClose }: Props) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'member.write');
  const mayReveal = can(me, 'member.pii');
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [retainForm] = Form.useForm<{ retainedReason: 'retired' | 'unemployed' }>();
  const [transferForm] = Form.useForm<{ toOrgId: number; reason?: string }>();
  const [registerForm] = Form.useForm<RegisterFields>();

  const detail = useQuery({
    queryKey: memberKeys.detail(memberId ?? 0),
    queryFn: () => unwrap(api.GET('/api/members/{id}', { params: { path: { id: memberId! } } })),
    enabled: memberId !== null,
  });
  const member = detail.data;

  // The full details live only in this mutation's state: gone when the drawer shows someone else.
  const reveal = useMutation({
    mutationFn: (id: number) => unwrap(api.POST('/api/members/{id}/reveal', { params: { path: { id } } })),
    onSuccess: () => message.info(t('members.roll.revealed')),
    onError: (error) => reportError(message, error),
  });
  const revealed = reveal.data && reveal.variables === memberId ? reveal.data : null;

  const refresh = () => queryClient.invalidateQueries({ queryKey: memberKeys.all });
  const change = (body: MemberChange) => unwrap(api.PATCH('/api/members/{id}', { params: { path: { id: memberId! } }, body }));
  const changed = (updated: MemberDetail) => {
    message.success(t('members.roll.changed', { status: t(`memberStatus.${updated.status}`) }));
    refresh();
  };
  const setStatus = useMutation({ mutationFn: change, onSuccess: changed, onError: (error) => reportError(message, error) });

  const confirmStatus = (status: Extract<MemberStatus, 'member' | 'left'>, m: MemberDetail) =>
    modal.confirm({
      title: status === 'left' ? t('members.roll.leave') : t('members.roll.restore'),
      content: t(status === 'left' ? 'members.roll.leaveConfirm' : 'members.roll.restoreConfirm', { name: m.name }),
      okButtonProps: { danger: status === 'left' },
      onOk: () => setStatus.mutateAsync({ status }).catch(() => undefined),
    });

  const close = () => {
    reveal.reset();
    onClose();
  };

  const active = member && (member.status === 'member' || member.status === 'retained');
  const actions = writable && member && active && (
    <Flex gap={8} wrap>
      {member.status === 'member' ? (
        <Button onClick={() => setDialog('retain')}>{t('members.roll.retain')}</Button>
      ) : (
        <Button onClick={() => confirmStatus('member', member)}>{t('members.roll.restore')}</Button>
      )}
      <Button onClick={() => setDialog('register')}>{t('members.roll.editRegister')}</Button>
      <Button onClick={() => setDialog('transfer')}>{t('members.roll.startTransfer')}</Button>
      <Button danger onClick={() => confirmStatus('left', member)}>
        {t('members.roll.leave')}
      </Button>
    </Flex>
  );

  return (
    <Drawer open={memberId !== null} onClose={close} size={640} title={member ? `${member.name} · ${member.memberNo}` : t('members.roll.detail')} extra={actions} destroyOnHidden>
      {detail.isPending && memberId !== null && <Skeleton active />}
      {detail.isError && <Result status="error" title={t('error.loadFailed')} subTitle={detail.error.message} />}
      {member && (
        <>
          <Descriptions
            column={2}
            size="small"
            bordered
            items={[
              { key: 'name', label: t('members.field.name'), children: member.name },
              { key: 'status', label: t('members.field.status'), children: <MemberDetailStatus member={member} /> },
              { key: 'idNumber', label: t('members.field.idNumber'), children: <span className="gh-masked">{revealed?.idNumber ?? member.idNumber}</span> },
              { key: 'phone', label: t('members.field.phone'), children: (revealed ? revealed.phone : member.phone) ?? '—' },
              { key: 'gender', label: t('members.field.gender'), children: t(`members.gender.${member.gender}`) },
              { key: 'birthDate', label: t('members.field.birthDate'), children: member.birthDate },
              ...registerItems(t, member),
              { key: 'memberNo', label: t('members.field.memberNo'), children: member.memberNo },
              { key: 'joinedOn', label: t('members.field.joinedOn'), children: member.joinedOn },
              { key: 'org', label: t('members.field.org'), span: 2, children: member.orgName },
              { key: 'employer', label: t('members.field.employer'), span: 2, children: member.employerName ?? '—' },
              { key: 'source', label: t('members.field.source'), children: t(`members.source.${member.source}`, { defaultValue: member.source }) },
              { key: 'linked', label: t('members.field.linkedAccount'), children: member.linkedAccount ? t('members.roll.yes') : t('members.roll.no') },
              ...(member.leftOn ? [{ key: 'leftOn', label: t('members.field.leftOn'), children: member.leftOn }] : []),
            ]}
          />
          {mayReveal && !revealed && (
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              showIcon
              title={t('members.roll.revealNote')}
              action={
                <Button size="small" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate(member.id)}>
                  {t('members.roll.reveal')}
                </Button>
              }
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('members.roll.transfers')}
          </Typography.Title>
          <TransferHistory transfers={member.transfers} />
        </>
      )}
      {member && (
        <FormModal
          open={dialog === 'retain'}
          title={t('members.roll.retainTitle', { name: member.name })}
          form={retainForm}
          okText={t('members.roll.retain')}
          submit={(v) => change({ status: 'retained', retainedReason: v.retainedReason })}
          onDone={changed}
          onClose={() => setDialog(null)}
        >
          <Form.Item name="retainedReason" label={t('members.roll.retainReason')} rules={[{ required: true, message: t('members.roll.retainReason') }]}>
            <Radio.Group options={(['retired', 'unemployed'] as const).map((r) => ({ value: r, label: t(`members.retainedReason.${r}`) }))} />
          </Form.Item>
        </FormModal>
      )}
      {member && (
        <FormModal
          open={dialog === 'register'}
          title={t('members.roll.registerTitle', { name: member.name })}
          form={registerForm}
          initialValues={{
            ethnicity: member.ethnicity,
            education: member.education,
            politicalStatus: member.politicalStatus,
            migrantWorker: member.migrantWorker,
            newFormGroup: member.newFormGroup,
          }}
          submit={(v) => change({ ethnicity: v.ethnicity ?? null, education: v.education ?? null, politicalStatus: v.politicalStatus ?? null, migrantWorker: v.migrantWorker ?? null, newFormGroup: v.newFormGroup ?? null })}
          onDone={() => {
            message.success(t('members.roll.registerSaved'));
            refresh();
          }}
          onClose={() => setDialog(null)}
        >
          <Typography.Paragraph type="secondary">{t('members.roll.registerNote')}</Typography.Paragraph>
          <RegisterInputs />
        </FormModal>
      )}
      {member && (
        <FormModal
          open={dialog === 'transfer'}
          title={t('members.roll.transferTitle', { name: member.name })}
          form={transferForm}
          okText={t('members.roll.startTransfer')}
          submit={(v) =>
            unwrap(api.POST('/api/members/{id}/transfers', { params: { path: { id: member.id } }, body: { toOrgId: v.toOrgId, reason: v.reason?.trim() || null } }))
          }
          onDone={() => {
            message.success(t('members.roll.transferStarted'));
            refresh();
          }}
          onClose={() => setDialog(null)}
        >
          <Form.Item name="toOrgId" label={t('members.roll.transferTo')} rules={[{ required: true, message: t('members.roll.transferToPlaceholder') }]}>
            <UnionSearchSelect exclude={member.orgId} placeholder={t('members.roll.transferToPlaceholder')} />
          </Form.Item>
          <Form.Item name="reason" label={t('members.roll.transferReason')} rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} maxLength={200} />
          </Form.Item>
        </FormModal>
      )}
    </Drawer>
  );
}

/** The register's standard fields as rows of the details; "—" where not recorded. */
function registerItems(t: TFunction, m: MemberDetail) {
  const shown = (value: string | null, ns: string) => (value === null ? '—' : t(`${ns}.${value}`));
  return [
    { key: 'ethnicity', label: t('register.ethnicity'), children: shown(m.ethnicity, 'ethnicity') },
    { key: 'education', label: t('register.education'), children: shown(m.education, 'education') },
    { key: 'politicalStatus', label: t('register.politicalStatus'), children: shown(m.politicalStatus, 'politicalStatus') },
    { key: 'migrantWorker', label: t('register.migrantWorker'), children: m.migrantWorker === null ? '—' : t(m.migrantWorker ? 'register.yes' : 'register.no') },
    { key: 'newFormGroup', label: t('register.newFormGroup'), span: 2, children: shown(m.newFormGroup, 'newFormGroup') },
  ];
}

/** Choosers of the register's standard fields, from the fixed code lists; each may be left empty. */
function RegisterInputs() {
  const { t } = useTranslation();
  const options = <T extends string>(codes: readonly T[], ns: string) => codes.map((c) => ({ value: c, label: t(`${ns}.${c}`) }));
  return (
    <>
      <Flex gap={12}>
        <Form.Item<RegisterFields> name="ethnicity" label={t('register.ethnicity')} style={{ flex: 1 }}>
          <Select<Ethnicity> allowClear showSearch={{ optionFilterProp: 'label' }} options={options(ethnicities, 'ethnicity')} />
        </Form.Item>
        <Form.Item<RegisterFields> name="education" label={t('register.education')} style={{ flex: 1 }}>
          <Select<Education> allowClear options={options(educations, 'education')} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item<RegisterFields> name="politicalStatus" label={t('register.politicalStatus')} style={{ flex: 1 }}>
          <Select<PoliticalStatus> allowClear options={options(politicalStatuses, 'politicalStatus')} />
        </Form.Item>
        <Form.Item<RegisterFields> name="migrantWorker" label={t('register.migrantWorker')} style={{ flex: 1 }}>
          <Radio.Group
            options={[
              { value: true, label: t('register.yes') },
              { value: false, label: t('register.no') },
            ]}
          />
        </Form.Item>
      </Flex>
      <Form.Item<RegisterFields> name="newFormGroup" label={t('register.newFormGroup')}>
        <Select<NewFormGroup> allowClear options={options(newFormGroups, 'newFormGroup')} />
      </Form.Item>
    </>
  );
}

function MemberDetailStatus({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  return (
    <>
      <MemberStatusTag status={member.status} />
      {member.retainedReason && <Typography.Text type="secondary">{t(`members.retainedReason.${member.retainedReason}`)}</Typography.Text>}
    </>
  );
}

function TransferHistory({ transfers }: { transfers: MemberDetail['transfers'] }) {
  const { t } = useTranslation();
  if (!transfers.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('members.roll.noTransfers')} />;
  return (
    <Table<MemberDetail['transfers'][number]>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={transfers}
      columns={[
        { title: t('members.field.from'), dataIndex: 'fromOrgName' },
        { title: t('members.field.to'), dataIndex: 'toOrgName' },
        { title: t('members.field.startedAt'), dataIndex: 'startedAt', render: (v: string) => formatTime(v) },
        {
          title: t('members.field.status'),
          key: 'status',
          render: (_, tr) => <TransferStatusTag status={tr.status} reason={tr.reason} />,
        },
      ]}
    />
  );
}
