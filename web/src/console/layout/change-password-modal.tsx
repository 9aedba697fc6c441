import { App, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, setCsrfToken, unwrap } from '../../api/client';
import { reportError } from '../shared/errors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Changes one's own password; the server ends every other session and gives this one a new CSRF token. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: Values) => unwrap(api.POST('/api/me/password', { body: { currentPassword, newPassword } })),
    onSuccess: (answer) => {
      setCsrfToken(answer.csrfToken);
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
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
