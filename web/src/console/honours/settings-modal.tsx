import { useEffect, useState } from 'react';
import { Alert, App, Divider, Flex, Form, InputNumber, Modal, Skeleton, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useCurrentUser } from '../shared/me-context';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { reportError } from '../shared/errors';
import { useTopOrg } from '../shared/top-org';
import { honourKeys } from './queries';
import { levels, type HonourLevel } from './types';

type Yuan = Record<HonourLevel, number>;
interface Values {
  allowance: Yuan;
  uplift: Yuan;
  craftsman: number;
  selectionPeriodYears: number;
  publicityDays: number;
  candidateMaxAge: number;
}

/**
 * 待遇标准: the amounts and periods a federation works under — its own, inherited from a federation
 * above, or the rules' documented defaults (examples, to be set from the federation's own documents).
 * Amounts are entered in yuan and stored in fen.
 */
export function SettingsModal({ open, writable, onClose }: { open: boolean; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const top = useTopOrg(me);
  const client = useQueryClient();
  const [orgId, setOrgId] = useState<number | undefined>(undefined);
  const [form] = Form.useForm<Values>();
  const target = orgId ?? top;
  const current = useQuery({
    queryKey: ['honours', 'settings', target ?? 0],
    queryFn: () => unwrap(api.GET('/api/orgs/{id}/honour-settings', { params: { path: { id: target! } } })),
    enabled: open && target !== undefined,
  });
  useEffect(() => {
    const s = current.data?.settings;
    if (!s) return;
    const toYuan = (r: Yuan) => Object.fromEntries(levels.map((l) => [l, r[l] / 100])) as Yuan;
    form.setFieldsValue({
      allowance: toYuan(s.modelWorkerAllowanceFen),
      uplift: s.wageUpliftPercent,
      craftsman: s.craftsmanAllowanceFen / 100,
      selectionPeriodYears: s.selectionPeriodYears,
      publicityDays: s.publicityDays,
      candidateMaxAge: s.candidateMaxAge,
    });
  }, [current.data, form]);
  const save = useMutation({
    mutationFn: (v: Values) =>
      unwrap(
        api.PUT('/api/orgs/{id}/honour-settings', {
          params: { path: { id: target! } },
          body: {
            modelWorkerAllowanceFen: Object.fromEntries(levels.map((l) => [l, Math.round(v.allowance[l] * 100)])) as Yuan,
            wageUpliftPercent: v.uplift,
            craftsmanAllowanceFen: Math.round(v.craftsman * 100),
            selectionPeriodYears: v.selectionPeriodYears,
            publicityDays: v.publicityDays,
            candidateMaxAge: v.candidateMaxAge,
          },
        }),
      ),
    onSuccess: () => {
      message.success(t('honours.settings.saved'));
      void client.invalidateQueries({ queryKey: honourKeys.all });
      onClose();
    },
    onError: (e) => reportError(message, e, form),
  });
  return (
    <Modal
      open={open}
      title={t('honours.settings.title')}
      width={640}
      onCancel={onClose}
      okText={t('action.save')}
      okButtonProps={{ disabled: !writable, loading: save.isPending }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('honours.settings.note')} style={{ margin: '12px 0' }} />
      <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
        <OrgTreeSelect style={{ width: 300 }} value={target} onChange={(v) => setOrgId(v ?? undefined)} />
        {current.data && <Tag color={current.data.own ? 'red' : 'default'}>{current.data.own ? t('honours.settings.own') : t('honours.settings.inherited')}</Tag>}
      </Flex>
      {current.isLoading ? (
        <Skeleton active />
      ) : (
        <Form form={form} layout="vertical" disabled={!writable} onFinish={(v) => save.mutate(v)}>
          <Divider titlePlacement="left" plain>
            {t('honours.settings.allowance')}
          </Divider>
          <Flex gap={12}>
            {levels.map((l) => (
              <Form.Item key={l} name={['allowance', l]} label={t(`honours.level.${l}`)} style={{ flex: 1 }} rules={[{ required: true }]}>
                <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </Flex>
          <Divider titlePlacement="left" plain>
            {t('honours.settings.uplift')}
          </Divider>
          <Flex gap={12}>
            {levels.map((l) => (
              <Form.Item key={l} name={['uplift', l]} label={t(`honours.level.${l}`)} style={{ flex: 1 }} rules={[{ required: true }]}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </Flex>
          <Divider titlePlacement="left" plain>
            {t('honours.settings.craftsmen')}
          </Divider>
          <Flex gap={12}>
            <Form.Item name="craftsman" label={t('honours.settings.craftsmanAllowance')} style={{ flex: 1 }} rules={[{ required: true }]}>
              <InputNumber min={0} precision={2} prefix="¥" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="selectionPeriodYears" label={t('honours.settings.period')} style={{ flex: 1 }} rules={[{ required: true }]}>
              <InputNumber min={1} max={10} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="publicityDays" label={t('honours.settings.publicityDays')} style={{ flex: 1 }} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="candidateMaxAge" label={t('honours.settings.maxAge')} style={{ flex: 1 }} rules={[{ required: true }]}>
              <InputNumber min={16} max={80} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
        </Form>
      )}
    </Modal>
  );
}
