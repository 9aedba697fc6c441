import { useState } from 'react';
import { Alert, App, Form, InputNumber, Modal, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError, unwrap } from '../../api/client';
import { pioneerKeys } from './queries';
import { pioneerTypes, type PioneerType } from './types';

interface Values {
  teamId: number;
  type: PioneerType;
  workerCount: number;
}

/**
 * 申报: a union registers one of its teams as a candidate of a type. An ineligible enterprise
 * (no union of its own, arrears this year, a serious incident in three years) is refused by the
 * server; its reason stays in the dialog, in red, above the fields.
 */
export function RegisterModal({ campaignId, onClose }: { campaignId: number; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const teams = useQuery({
    queryKey: ['teams', 'search', q],
    queryFn: () => unwrap(api.GET('/api/teams', { params: { query: { q: q || undefined, status: 'active', pageSize: 50 } } })),
  });
  const register = useMutation({
    mutationFn: (body: Values) => unwrap(api.POST('/api/pioneer/campaigns/{id}/candidates', { params: { path: { id: campaignId } }, body })),
    onSuccess: () => {
      message.success(t('pioneer.candidates.registered'));
      queryClient.invalidateQueries({ queryKey: pioneerKeys.all });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError) form.setFields(error.errors.map((e) => ({ name: e.field as keyof Values, errors: [e.message] })));
    },
  });
  // Field messages sit under their inputs; a refusal of the whole registration shows above them.
  const refusal = register.error && !(register.error instanceof ApiError && register.error.errors.length > 0) ? register.error : null;

  return (
    <Modal open title={t('pioneer.candidates.registerTitle')} okText={t('pioneer.candidates.register')} confirmLoading={register.isPending} onOk={() => form.submit()} onCancel={onClose} maskClosable={false} destroyOnHidden>
      {refusal && <Alert type="error" showIcon title={t('pioneer.candidates.ineligible')} description={refusal.message} style={{ marginBottom: 16 }} data-testid="register-refusal" />}
      <Form form={form} layout="vertical" onFinish={(v) => register.mutate(v)} onValuesChange={() => register.reset()}>
        <Form.Item name="teamId" label={t('pioneer.candidates.field.team')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            placeholder={t('pioneer.candidates.field.teamPlaceholder')}
            loading={teams.isFetching}
            options={teams.data?.items.map((team) => ({ value: team.id, label: `${team.name} · ${team.enterpriseName}` }))}
          />
        </Form.Item>
        <Form.Item name="type" label={t('pioneer.candidates.field.type')} rules={[{ required: true }]}>
          <Select options={pioneerTypes.map((p) => ({ value: p, label: t(`pioneerType.${p}`) }))} />
        </Form.Item>
        <Form.Item name="workerCount" label={t('pioneer.candidates.field.workerCount')} rules={[{ required: true }]}>
          <InputNumber min={1} max={100000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
