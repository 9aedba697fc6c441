import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Form, Input, NavBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useSession } from '../session';
import { idNumberRule } from './id-number';
import { showErrors } from './form-errors';
import './members.css';
import './texts';

interface Values {
  name: string;
  idNumber: string;
}

/** 认领会员身份: links an imported member record to this account by name and ID number. */
export function ClaimPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { reload } = useSession();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const claimed = await unwrap(api.POST('/api/members/claim', { body: { name: v.name.trim(), idNumber: v.idNumber.trim() } }));
      Toast.show({ icon: 'success', content: t('members.claim.done', { memberNo: claimed.memberNo }) });
      await reload();
      navigate('/card', { replace: true });
    } catch (error) {
      showErrors(form, error, ['name', 'idNumber']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/join')} style={{ background: '#fff' }}>
        {t('members.claim.title')}
      </NavBar>
      <Form
        form={form}
        layout="vertical"
        mode="card"
        onFinish={submit}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('members.claim.submit')}
          </Button>
        }
      >
        <Form.Header>{t('members.claim.intro')}</Form.Header>
        <Form.Item name="name" label={t('members.join.name')} rules={[{ required: true, whitespace: true, message: t('members.join.required', { field: t('members.join.name') }) }]}>
          <Input placeholder={t('members.join.namePlaceholder')} maxLength={50} clearable />
        </Form.Item>
        <Form.Item name="idNumber" label={t('members.join.idNumber')} rules={[idNumberRule(t)]}>
          <Input placeholder={t('members.join.idNumberPlaceholder')} maxLength={18} clearable />
        </Form.Item>
      </Form>
    </div>
  );
}
