import { useCallback, useEffect, useState, type RefObject } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Checkbox, Form, Input, List, NavBar, Picker, Selector, Tag, Toast, type PickerRef } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { useMember, useSession } from '../session';
import { educations, ethnicities, newFormGroups, politicalStatuses, type Education, type Ethnicity, type NewFormGroup, type PoliticalStatus } from '../../ui/register';
import { showErrors } from './form-errors';
import { idNumberRule } from './id-number';
import type { DirectoryUnion, MyApplication } from './types';
import { UnionField, UnionPicker } from './union-picker';
import { takeChosenUnion } from './chosen-union';
import './members.css';
import './texts';

interface Values {
  name: string;
  idNumber: string;
  phone: string;
  union: DirectoryUnion;
  employerName: string;
  consent: boolean;
  // The register's standard fields, each optional; pickers and selectors hold one value in an array.
  ethnicity?: Ethnicity[];
  education?: Education[];
  politicalStatus?: PoliticalStatus[];
  migrantWorker?: ('yes' | 'no')[];
  newFormGroup?: NewFormGroup[];
}

const statusColor: Record<MyApplication['status'], string> = { pending: 'primary', approved: 'success', rejected: 'danger', withdrawn: 'default' };
const fields = ['name', 'idNumber', 'phone', 'union', 'employerName', 'ethnicity', 'education', 'politicalStatus', 'migrantWorker', 'newFormGroup', 'consent'];

/** 入会申请: the real-name application form, then the member's own applications and their status. */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMember();
  const { reload } = useSession();
  // Membership is read afresh before the form is offered: an approval since the portal opened counts.
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    reload().finally(() => setFresh(true));
  }, [reload]);
  const isMember = me.member !== null;
  const [form] = Form.useForm<Values>();
  // The union chosen in the home page's directory before logging in or signing up, if any.
  const [chosenUnion] = useState(takeChosenUnion);
  const [picking, setPicking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [mine, setMine] = useState<MyApplication[] | null>(null);

  const loadMine = useCallback(async () => {
    const page = await unwrap(api.GET('/api/join-applications/mine'));
    setMine(page.items);
  }, []);
  useEffect(() => {
    loadMine().catch(() => setMine([]));
  }, [loadMine]);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await unwrap(
        api.POST('/api/join-applications', {
          body: {
            name: v.name.trim(),
            idNumber: v.idNumber.trim(),
            phone: v.phone.trim(),
            orgId: v.union.id,
            employerName: v.employerName.trim(),
            consent: true,
            ethnicity: v.ethnicity?.[0] ?? null,
            education: v.education?.[0] ?? null,
            politicalStatus: v.politicalStatus?.[0] ?? null,
            migrantWorker: v.migrantWorker?.length ? v.migrantWorker[0] === 'yes' : null,
            newFormGroup: v.newFormGroup?.[0] ?? null,
          },
        }),
      );
      Toast.show({ icon: 'success', content: t('members.join.submitted') });
      form.resetFields();
      await loadMine();
    } catch (error) {
      // The API's orgId is the form's union picker.
      showErrors(form, error, fields, { orgId: 'union' });
    } finally {
      setBusy(false);
    }
  };

  const pending = mine?.some((a) => a.status === 'pending');
  const required = (field: string) => ({ required: true, whitespace: true, message: t('members.join.required', { field }) });

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        {t('members.join.title')}
      </NavBar>
      {isMember ? (
        <div className="gh-card gh-card-flat">
          <p className="gh-section-title" style={{ marginBottom: 12 }}>
            {t('members.join.memberAlready')}
          </p>
          <Button block color="primary" onClick={() => navigate('/card')}>
            {t('members.join.viewCard')}
          </Button>
        </div>
      ) : (
        fresh &&
        !pending && (
          <Form
            form={form}
            layout="vertical"
            mode="card"
            onFinish={submit}
            initialValues={{ phone: '', consent: false, union: chosenUnion }}
            footer={
              <Button block type="submit" color="primary" size="large" loading={busy}>
                {t('members.join.submit')}
              </Button>
            }
          >
            <Form.Header>{t('members.join.intro')}</Form.Header>
            <Form.Item name="name" label={t('members.join.name')} rules={[required(t('members.join.name'))]}>
              <Input placeholder={t('members.join.namePlaceholder')} maxLength={50} clearable />
            </Form.Item>
            <Form.Item name="idNumber" label={t('members.join.idNumber')} rules={[idNumberRule(t)]} help={t('members.join.idNumberHelp')}>
              <Input placeholder={t('members.join.idNumberPlaceholder')} maxLength={18} clearable />
            </Form.Item>
            <Form.Item name="phone" label={t('members.join.phone')} rules={[{ required: true, pattern: /^\s*1[3-9]\d{9}\s*$/, message: t('members.signup.phoneInvalid') }]}>
              <Input type="tel" inputMode="numeric" maxLength={11} placeholder={t('members.signup.phonePlaceholder')} clearable />
            </Form.Item>
            <Form.Item
              name="union"
              label={t('members.join.union')}
              rules={[{ required: true, message: t('members.join.unionRequired') }]}
              onClick={() => setPicking(true)}
              arrowIcon
            >
              <UnionField placeholder={t('members.join.unionPlaceholder')} />
            </Form.Item>
            <Form.Item name="employerName" label={t('members.join.employer')} rules={[required(t('members.join.employer'))]}>
              <Input placeholder={t('members.join.employerPlaceholder')} maxLength={100} clearable />
            </Form.Item>
            <Form.Header>{t('members.join.register')}</Form.Header>
            <Form.Item name="ethnicity" label={t('register.ethnicity')} trigger="onConfirm" onClick={(_, picker: RefObject<PickerRef>) => picker.current?.open()} arrowIcon>
              <Picker columns={[ethnicities.map((c) => ({ value: c, label: t(`ethnicity.${c}`) }))]}>
                {(items) => items[0]?.label ?? <span className="gh-placeholder">{t('members.join.choose')}</span>}
              </Picker>
            </Form.Item>
            <Form.Item name="education" label={t('register.education')}>
              <Selector columns={3} options={educations.map((c) => ({ value: c, label: t(`education.${c}`) }))} />
            </Form.Item>
            <Form.Item name="politicalStatus" label={t('register.politicalStatus')}>
              <Selector columns={3} options={politicalStatuses.map((c) => ({ value: c, label: t(`politicalStatus.${c}`) }))} />
            </Form.Item>
            <Form.Item name="migrantWorker" label={t('register.migrantWorker')}>
              <Selector columns={3} options={(['yes', 'no'] as const).map((c) => ({ value: c, label: t(`register.${c}`) }))} />
            </Form.Item>
            <Form.Item name="newFormGroup" label={t('register.newFormGroup')} help={t('members.join.newFormHelp')}>
              <Selector columns={3} options={newFormGroups.map((c) => ({ value: c, label: t(`newFormGroup.${c}`) }))} />
            </Form.Item>
            <Form.Item name="consent" valuePropName="checked" rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('members.join.consentRequired')))) }]}>
              <Checkbox style={{ '--icon-size': '18px', '--font-size': '14px' }}>{t('members.join.consent')}</Checkbox>
            </Form.Item>
            <p className="gh-notice">{t('members.join.notice')}</p>
          </Form>
        )
      )}
      <UnionPicker open={picking} onClose={() => setPicking(false)} onPick={(union) => form.setFieldsValue({ union })} />
      <List header={t('members.join.mine')} style={{ marginTop: 12 }}>
        {mine?.length === 0 && <List.Item>{t('members.join.none')}</List.Item>}
        {mine?.map((a) => (
          <List.Item
            key={a.id}
            extra={<Tag color={statusColor[a.status]}>{t(`members.status.${a.status}`)}</Tag>}
            description={
              <>
                <div>{t('members.join.appliedAt', { date: formatTime(a.createdAt) })}</div>
                {a.reason && <div>{t('members.join.reason', { reason: a.reason })}</div>}
              </>
            }
          >
            {a.orgName}
          </List.Item>
        ))}
      </List>
      {!isMember && (
        <p className="gh-footnote">
          {t('members.join.claimHint')} <Link to="/claim">{t('members.join.claimLink')}</Link>
        </p>
      )}
    </div>
  );
}
