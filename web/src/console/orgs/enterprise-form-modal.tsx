import { App, DatePicker, Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import type { Enterprise } from '../../api/types';
import { dayjs } from '../../ui/time';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';

interface Values {
  name: string;
  uscc: string;
  orgId: number;
  industry?: string;
  foundedOn?: dayjs.Dayjs | null;
  employees?: number | null;
  newEconomy: boolean;
}

interface Props {
  open: boolean;
  /** null: register a new one */
  enterprise: Enterprise | null;
  defaultOrgId: number;
  onClose: () => void;
  onDone: () => void;
}

/** 登记企业 / 编辑企业. The credit code is checked by the server (format and check character) and fixed once registered. */
export function EnterpriseFormModal({ open, enterprise, defaultOrgId, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();

  const initialValues: Partial<Values> = enterprise
    ? {
        name: enterprise.name,
        uscc: enterprise.uscc,
        orgId: enterprise.orgId,
        industry: enterprise.industry ?? undefined,
        foundedOn: enterprise.foundedOn ? dayjs(enterprise.foundedOn) : null,
        employees: enterprise.employees,
        newEconomy: enterprise.newEconomy,
      }
    : { orgId: defaultOrgId, newEconomy: false };

  const submit = (v: Values) => {
    const common = {
      name: v.name,
      orgId: v.orgId,
      industry: v.industry || null,
      foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
      employees: v.employees ?? null,
      newEconomy: v.newEconomy,
    };
    return enterprise
      ? unwrap(api.PATCH('/api/enterprises/{id}', { params: { path: { id: enterprise.id } }, body: common }))
      : unwrap(api.POST('/api/enterprises', { body: { ...common, uscc: v.uscc } }));
  };

  return (
    <FormModal
      open={open}
      title={enterprise ? t('enterprises.editTitle') : t('enterprises.createTitle')}
      okText={enterprise ? t('action.save') : t('enterprises.create')}
      form={form}
      initialValues={initialValues}
      submit={submit}
      onDone={(saved) => {
        message.success(enterprise ? t('enterprises.saved') : t('enterprises.created', { name: saved.name }));
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('enterprises.field.name')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="uscc"
        label={t('enterprises.field.uscc')}
        rules={[{ required: true, whitespace: true }]}
        extra={t('enterprises.usccHint')}
        normalize={(v: string) => v.toUpperCase()}
      >
        <Input placeholder={t('enterprises.placeholder.uscc')} maxLength={18} disabled={enterprise !== null} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="orgId" label={t('enterprises.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="industry" label={t('enterprises.field.industry')}>
        <Input placeholder={t('enterprises.placeholder.industry')} maxLength={50} />
      </Form.Item>
      <Form.Item name="foundedOn" label={t('enterprises.field.foundedOn')}>
        <DatePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="employees" label={t('enterprises.field.employees')} extra={t('enterprises.employeesHint')}>
        {/* Whole numbers only; the server refuses anything else on this field by name. */}
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="newEconomy" label={t('enterprises.field.newEconomy')} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
