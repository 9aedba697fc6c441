import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Form, Input, Layout, Result, Skeleton, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { FormModal } from '../shared/form-modal';
import { ProductMark } from '../shared/product-mark';
import { pioneerKeys } from './queries';
import { TypeTag } from './tags';
import type { Publicity } from './types';

type Nominee = Publicity['nominees'][number];

/**
 * 公示: the nominees of a campaign in publicity, for anyone logged in (members too, so it sits
 * outside the cadres' layout), each with 提出异议.
 */
export function PublicityPage() {
  const { t } = useTranslation();
  const campaignId = Number(useParams().campaignId);
  const publicity = useQuery({
    queryKey: pioneerKeys.publicity(campaignId),
    queryFn: () => unwrap(api.GET('/api/pioneer/publicity/{campaignId}', { params: { path: { campaignId } } })),
  });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center' }}>
        <Link to="/">
          <ProductMark inverse />
        </Link>
      </Layout.Header>
      <Layout.Content style={{ padding: 20, maxWidth: 1080, width: '100%', margin: '0 auto' }}>
        {publicity.isPending && <Skeleton active />}
        {publicity.isError && <Result status="info" title={t('pioneer.publicity.notOpen')} subTitle={publicity.error.message} />}
        {publicity.data && <Notice publicity={publicity.data} />}
      </Layout.Content>
    </Layout>
  );
}

function Notice({ publicity: p }: { publicity: Publicity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [objecting, setObjecting] = useState<Nominee | null>(null);
  const level = t(`pioneer.level.${p.level}`);
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
        {t('pioneer.publicity.notice', { org: p.orgName, name: p.name })}
      </Typography.Title>
      <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">
        {t('pioneer.publicity.period', { start: p.publicityStart, end: p.publicityEnd })}
      </Typography.Paragraph>
      <Typography.Paragraph>{t('pioneer.publicity.intro', { level })}</Typography.Paragraph>
      <Table<Nominee>
        rowKey="candidateId"
        pagination={false}
        dataSource={p.nominees}
        columns={[
          { title: t('pioneer.candidates.field.team'), dataIndex: 'teamName' },
          { title: t('pioneer.candidates.field.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('pioneer.candidates.field.union'), dataIndex: 'unionName' },
          { title: t('pioneer.candidates.field.type'), dataIndex: 'type', render: (type: Nominee['type']) => <TypeTag type={type} /> },
          { title: t('pioneer.candidates.field.score'), dataIndex: 'score', align: 'right', render: (v: number) => v.toFixed(2) },
          {
            title: '',
            key: 'object',
            width: 110,
            render: (_, n) => (
              <Button size="small" onClick={() => setObjecting(n)}>
                {t('pioneer.publicity.object')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal
        open={objecting !== null}
        title={t('pioneer.publicity.objectTitle', { team: objecting?.teamName })}
        form={form}
        okText={t('pioneer.publicity.object')}
        submit={(v) => unwrap(api.POST('/api/pioneer/candidates/{id}/objections', { params: { path: { id: objecting!.candidateId } }, body: v }))}
        onDone={() => message.success(t('pioneer.publicity.objected'))}
        onClose={() => setObjecting(null)}
      >
        <Form.Item name="reason" label={t('pioneer.publicity.reason')} rules={[{ required: true, max: 1000 }]}>
          <Input.TextArea rows={4} placeholder={t('pioneer.publicity.reasonPlaceholder')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
