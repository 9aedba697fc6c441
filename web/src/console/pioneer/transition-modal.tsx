import { useState } from 'react';
import { Alert, App, Checkbox, Flex, Input, Modal, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { pioneerKeys } from './queries';
import type { Campaign, TransitionBody, TransitionName } from './types';

/**
 * Confirms one of the campaign's legal transitions and sends it. What a transition needs is asked
 * here (nominees, document number, reason); the server's guard refusal shows in the dialog.
 */
export function TransitionModal({ campaign, transition, onClose }: { campaign: Campaign; transition: TransitionName; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [nominees, setNominees] = useState<number[] | null>(null);
  const [documentNo, setDocumentNo] = useState('');
  const [reason, setReason] = useState('');
  const name = t(`pioneer.transition.${transition}`);

  // The scored candidates, best first, for choosing nominees; the top ones within the quota are ticked.
  const scored = useQuery({
    queryKey: pioneerKeys.candidates(campaign.id, { status: 'scored', pageSize: 200 }),
    queryFn: () => unwrap(api.GET('/api/pioneer/campaigns/{id}/candidates', { params: { path: { id: campaign.id }, query: { status: 'scored', pageSize: 200 } } })),
    enabled: transition === 'start_publicity',
  });
  const ranked = [...(scored.data?.items ?? [])].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  const chosen = nominees ?? ranked.slice(0, campaign.quota).map((c) => c.id);

  const body = (): TransitionBody => {
    switch (transition) {
      case 'start_publicity':
        return { transition, nominees: chosen };
      case 'name':
        return { transition, documentNo: documentNo.trim() || null };
      case 'cancel':
        return { transition, reason: reason.trim() };
      default:
        return { transition };
    }
  };
  const move = useMutation({
    mutationFn: () => unwrap(api.POST('/api/pioneer/campaigns/{id}/transitions', { params: { path: { id: campaign.id } }, body: body() })),
    onSuccess: () => {
      message.success(t('pioneer.transitionDone', { name }));
      queryClient.invalidateQueries({ queryKey: pioneerKeys.all });
      onClose();
    },
  });

  return (
    <Modal
      open
      title={name}
      okText={name}
      okButtonProps={{ danger: transition === 'cancel', disabled: transition === 'cancel' && !reason.trim() }}
      confirmLoading={move.isPending}
      onOk={() => move.mutate()}
      onCancel={onClose}
      maskClosable={false}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{t(`pioneer.transitionConfirm.${transition}`)}</Typography.Paragraph>
        {transition === 'start_publicity' && (
          <>
            <Typography.Text strong>
              {t('pioneer.campaigns.nominees')}（{t('pioneer.campaigns.nomineesHint', { quota: campaign.quota, count: chosen.length })}）
            </Typography.Text>
            <Checkbox.Group
              value={chosen}
              onChange={(ids) => setNominees(ids)}
              style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 320, overflow: 'auto' }}
              options={ranked.map((c) => ({
                value: c.id,
                label: `${c.teamName} · ${c.enterpriseName} · ${t(`pioneerType.${c.type}`)} · ${c.score?.toFixed(2) ?? '—'}`,
              }))}
            />
          </>
        )}
        {transition === 'name' && (
          <Flex vertical gap={4}>
            <label htmlFor="naming-document-no">{t('pioneer.campaigns.field.documentNo')}</label>
            <Input id="naming-document-no" maxLength={60} value={documentNo} onChange={(e) => setDocumentNo(e.target.value)} placeholder={t('pioneer.campaigns.documentNoPlaceholder')} />
          </Flex>
        )}
        {transition === 'cancel' && (
          <Flex vertical gap={4}>
            <label htmlFor="cancel-reason">{t('pioneer.campaigns.cancelReason')}</label>
            <Input.TextArea id="cancel-reason" maxLength={200} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Flex>
        )}
        {move.isError && <Alert type="error" showIcon title={t('pioneer.refused')} description={move.error.message} />}
      </Flex>
    </Modal>
  );
}
