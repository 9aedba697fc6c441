import { App, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { changeOwnPassword, matchesNewPassword, type PasswordChange } from '../../ui/password';
import { reportError } from '../shared/errors';

/** Changes one's own password (ui/password.ts), in a dialog over the desk. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordChange>();
  const change = useMutation({
    mutationFn: changeOwnPassword,
    onSuccess: () => {
      message.success(t('password.done'));
      form.resetFields();
      onClose();
    },
    onError: (error) => reportError(message, error, form),
  });

  return (
    <Modal
      open={open}
      title={t('password.title')}
      okText={t('action.save')}
      onOk={() => form.submit()}
      confirmLoading={change.isPending}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('password.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => change.mutate(values)} requiredMark={false}>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[{ required: true }, matchesNewPassword(t)]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
