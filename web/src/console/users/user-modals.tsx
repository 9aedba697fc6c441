import { App, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Role, User } from '../../api/types';
import { isAdmin } from '../access';
import { FormModal } from '../shared/form-modal';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';

interface ModalProps {
  open: boolean;
  onClose: () => void;
  onDone: () => void;
}

interface CreateValues {
  username: string;
  displayName: string;
  password: string;
  phone?: string;
  orgId?: number;
}

/** 新建用户: an account belongs to one organisation; roles are granted separately. */
export function CreateUserModal({ open, onClose, onDone }: ModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  return (
    <FormModal
      open={open}
      title={t('users.createTitle')}
      okText={t('action.create')}
      form={form}
      submit={(v) => unwrap(api.POST('/api/users', { body: { ...v, phone: v.phone || undefined } }))}
      onDone={(_, v) => {
        message.success(t('users.created', { name: v.displayName }));
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="displayName" label={t('users.field.displayName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="username" label={t('users.field.username')} rules={[{ required: true, whitespace: true }]}>
        <Input placeholder={t('users.placeholder.username')} maxLength={32} autoComplete="off" />
      </Form.Item>
      <Form.Item name="password" label={t('users.field.password')} rules={[{ required: true }]}>
        <Input.Password placeholder={t('users.placeholder.password')} autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="phone" label={t('users.field.phone')}>
        <Input placeholder={t('users.placeholder.phone')} maxLength={11} inputMode="numeric" />
      </Form.Item>
      <Form.Item name="orgId" label={t('users.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect placeholder={t('users.placeholder.org')} />
      </Form.Item>
    </FormModal>
  );
}

interface EditValues {
  displayName: string;
  phone?: string;
}

/** 编辑: name and phone (the list shows the phone masked, so it is only sent when retyped). */
export function EditUserModal({ open, user, onClose, onDone }: ModalProps & { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  return (
    <FormModal
      open={open}
      title={t('users.editTitle')}
      form={form}
      initialValues={{ displayName: user.displayName }}
      submit={(v) =>
        unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: { displayName: v.displayName, ...(v.phone ? { phone: v.phone } : {}) } }))
      }
      onDone={() => {
        message.success(t('users.saved'));
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item label={t('users.field.username')}>
        <Input value={user.username} disabled />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.field.displayName')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="phone" label={t('users.field.phone')} extra={user.phone ?? undefined}>
        <Input placeholder={t('users.placeholder.phone')} maxLength={11} inputMode="numeric" />
      </Form.Item>
    </FormModal>
  );
}

interface GrantValues {
  role: Role;
  orgId?: number;
}

const grantableRoles: Role[] = ['cadre', 'viewer', 'card_verifier', 'judge', 'legal_aid', 'member'];

/** 授权: a role on an organisation, reaching its whole subtree; only an admin may grant admin. */
export function GrantModal({ open, user, onClose, onDone }: ModalProps & { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const [form] = Form.useForm<GrantValues>();
  const role = Form.useWatch('role', form);
  const roles = isAdmin(me) ? (['admin', ...grantableRoles] as Role[]) : grantableRoles;
  return (
    <FormModal
      open={open}
      title={t('users.grantTitle', { name: user.displayName })}
      okText={t('users.grant')}
      form={form}
      initialValues={{ role: 'cadre', orgId: user.homeOrgId ?? undefined }}
      submit={(v) => unwrap(api.POST('/api/role-grants', { body: { userId: user.id, role: v.role, orgId: v.role === 'admin' ? null : v.orgId } }))}
      onDone={() => {
        message.success(t('users.granted'));
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="role" label={t('users.field.role')} rules={[{ required: true }]}>
        <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {role === 'admin' ? (
        <Typography.Paragraph type="secondary">{t('users.adminNoOrg')}</Typography.Paragraph>
      ) : (
        <Form.Item name="orgId" label={t('users.field.grantOrg')} rules={[{ required: true }]} extra={t('users.grantOrgHint')}>
          <OrgTreeSelect />
        </Form.Item>
      )}
    </FormModal>
  );
}

/** 重置密码: ends the account's sessions and lifts a lockout. */
export function ResetPasswordModal({ open, user, onClose, onDone }: ModalProps & { user: User }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  return (
    <FormModal
      open={open}
      title={t('users.resetTitle', { name: user.displayName })}
      form={form}
      submit={(v) => unwrap(api.POST('/api/users/{id}/password', { params: { path: { id: user.id } }, body: v }))}
      onDone={() => {
        message.success(t('users.passwordReset', { name: user.displayName }));
        onDone();
      }}
      onClose={onClose}
    >
      <Typography.Paragraph type="secondary">{t('users.resetHint')}</Typography.Paragraph>
      <Form.Item name="password" label={t('users.field.newPassword')} rules={[{ required: true }]}>
        <Input.Password placeholder={t('users.placeholder.password')} autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
