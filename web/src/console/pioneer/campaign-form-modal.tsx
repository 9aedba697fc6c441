import { DatePicker, Form, Input, InputNumber, Radio, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import type { Campaign } from './types';

interface Values {
  orgId: number;
  name: string;
  year: number;
  registrationDeadline: Dayjs;
  assessmentDeadline: Dayjs;
  scoringDeadline: Dayjs;
  publicityDays: number;
  quota: number;
  scoringMethod: Campaign['scoringMethod'];
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** 新建创建活动: a county federation opens a campaign; the current standards are frozen with it. */
export function CampaignFormModal({ open, form, orgId, onDone, onClose }: { open: boolean; form: FormInstance<Values>; orgId?: number; onDone: (c: Campaign) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const f = (k: string) => t(`pioneer.campaigns.field.${k}`);
  return (
    <FormModal<Values, Campaign>
      open={open}
      title={t('pioneer.campaigns.createTitle')}
      form={form}
      width={560}
      okText={t('action.create')}
      initialValues={{ orgId, year: new Date().getFullYear(), publicityDays: 7, scoringMethod: 'trimmed_mean' }}
      submit={(v) =>
        unwrap(
          api.POST('/api/pioneer/campaigns', {
            body: {
              ...v,
              registrationDeadline: day(v.registrationDeadline),
              assessmentDeadline: day(v.assessmentDeadline),
              scoringDeadline: day(v.scoringDeadline),
            },
          }),
        )
      }
      onDone={onDone}
      onClose={onClose}
    >
      <Form.Item name="orgId" label={f('org')} extra={f('orgHint')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="name" label={f('name')} rules={[{ required: true, max: 100 }]}>
        <Input placeholder={t('pioneer.campaigns.placeholder.name')} />
      </Form.Item>
      <Form.Item name="year" label={f('year')} rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="registrationDeadline" label={f('registrationDeadline')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="assessmentDeadline" label={f('assessmentDeadline')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="scoringDeadline" label={f('scoringDeadline')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="publicityDays" label={f('publicityDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={30} suffix={t('pioneer.campaigns.daysUnit')} />
      </Form.Item>
      <Form.Item name="quota" label={f('quota')} rules={[{ required: true }]}>
        <InputNumber min={1} max={10000} />
      </Form.Item>
      <Form.Item name="scoringMethod" label={f('scoringMethod')} rules={[{ required: true }]}>
        <Radio.Group
          options={(['trimmed_mean', 'mean'] as const).map((m) => ({ value: m, label: t(`pioneer.scoringMethod.${m}`) }))}
          style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
        />
      </Form.Item>
    </FormModal>
  );
}
