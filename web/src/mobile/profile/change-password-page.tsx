import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Form, Input, NavBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { changeOwnPassword, matchesNewPassword, type PasswordChange } from '../../ui/password';

/** Changes the member's own password (ui/password.ts), on a page of its own. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordChange>();
  const [busy, setBusy] = useState(false);

  const submit = async (values: PasswordChange) => {
    setBusy(true);
    try {
      await changeOwnPassword(values);
      Toast.show({ icon: 'success', content: t('password.done') });
      navigate('/me', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        form.setFields(error.errors.map((e) => ({ name: e.field as keyof PasswordChange, errors: [e.message] })));
      } else {
        Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh' }}>
      <NavBar onBack={() => navigate('/me')} backIcon backArrow style={{ background: '#fff' }}>
        {t('password.title')}
      </NavBar>
      <Form
        form={form}
        layout="horizontal"
        mode="card"
        onFinish={submit}
        requiredMarkStyle="none"
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('password.submit')}
          </Button>
        }
      >
        <Form.Header>{t('password.hint')}</Form.Header>
        <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true }]}>
          <Input type="password" aria-label={t('password.current')} autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('password.new')} rules={[{ required: true }]}>
          <Input type="password" aria-label={t('password.new')} autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[{ required: true }, matchesNewPassword(t)]}
        >
          <Input type="password" aria-label={t('password.confirm')} autoComplete="new-password" />
        </Form.Item>
      </Form>
    </div>
  );
}
