import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Checkbox, Form, Input, List, NavBar, Selector, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import './texts';
import { api, unwrap } from '../../api/client';
import { useLoad } from '../shared/use-load';
import { showErrors } from '../members/form-errors';
import { UnionPicker } from '../members/union-picker';
import type { DirectoryUnion } from '../members/types';
import { categories } from './texts';

interface Values {
  category: string[];
  employerName: string;
  amount?: string;
  narrative: string;
  consent: boolean;
}

const fields = ['category', 'employerName', 'amountFen', 'narrative', 'consent', 'orgId'];

/** 我要维权: category, employer, amount, what happened and consent; a member's case goes to their union, anyone else chooses one. */
export function NewCasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const [union, setUnion] = useState<DirectoryUnion | null>(null);
  const { data: me } = useLoad(() => unwrap(api.GET('/api/me')), []);
  const isMember = !!me?.member;

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const amount = v.amount ? Math.round(Number(v.amount) * 100) : null;
      const r = await unwrap(
        api.POST('/api/rights-cases', {
          body: { category: v.category[0] as (typeof categories)[number], employerName: v.employerName.trim(), amountFen: Number.isFinite(amount) ? amount : null, narrative: v.narrative.trim(), consent: true, orgId: isMember ? null : (union?.id ?? null) },
        }),
      );
      Toast.show({ icon: 'success', content: t('rightsPortal.submitted', { caseNo: r.caseNo }) });
      navigate(`/rights/${r.id}`, { replace: true });
    } catch (error) {
      showErrors(form, error, fields, { amountFen: 'amount' });
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('rightsPortal.required', { field }) });
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/rights')} style={{ background: '#fff' }}>
        {t('rightsPortal.new')}
      </NavBar>
      <Form
        form={form}
        layout="vertical"
        mode="card"
        onFinish={submit}
        initialValues={{ category: ['wage_arrears'], consent: false }}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {t('rightsPortal.submit')}
          </Button>
        }
      >
        <Form.Header>{t('rightsPortal.intro')}</Form.Header>
        <Form.Item name="category" label={t('rightsPortal.categoryLabel')} rules={[{ required: true }]}>
          <Selector columns={3} options={categories.map((c) => ({ value: c, label: t(`rightsPortal.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="employerName" label={t('rightsPortal.employer')} rules={[required(t('rightsPortal.employer'))]}>
          <Input placeholder={t('rightsPortal.employerPlaceholder')} maxLength={100} clearable />
        </Form.Item>
        {me && !isMember && (
          <List.Item onClick={() => setPicking(true)} extra={union?.name ?? t('rightsPortal.unionPick')} description={t('rightsPortal.unionHint')}>
            {t('rightsPortal.union')}
          </List.Item>
        )}
        <Form.Item name="amount" label={t('rightsPortal.amount')}>
          <Input type="number" inputMode="decimal" clearable />
        </Form.Item>
        <Form.Item name="narrative" label={t('rightsPortal.narrative')} rules={[required(t('rightsPortal.narrative'))]}>
          <TextArea placeholder={t('rightsPortal.narrativePlaceholder')} rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('rightsPortal.consentRequired')))) }]}>
          <Checkbox>{t('rightsPortal.consent')}</Checkbox>
        </Form.Item>
      </Form>
      <UnionPicker open={picking} onClose={() => setPicking(false)} onPick={(u) => { setUnion(u); setPicking(false); }} />
    </div>
  );
}
