import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Form, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';

type Activity = paths['/api/activities']['get']['responses'][200]['content']['application/json']['items'][number];
type Social = paths['/api/socials/{id}']['get']['responses'][200]['content']['application/json'];
interface Values {
  malePlaces: number;
  femalePlaces: number;
  minAge?: number | null;
  maxAge?: number | null;
}
const keys = { all: ['socials'] as const };

interface Filters {
  orgId?: number;
  page: number;
  pageSize: number;
}

/** 青年交友: the youth socials in scope; each one's places per gender, age range and counts. */
export function SocialsPage() {
  const { t } = useTranslation();
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 });
  const [open, setOpen] = useState<Activity | null>(null);
  const list = useQuery({ queryKey: [...keys.all, filters], queryFn: () => unwrap(api.GET('/api/activities', { params: { query: { ...filters, kind: 'youth_social' } } })), placeholderData: keepPreviousData });
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.socials')}</h1>}>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <OrgTreeSelect allowClear placeholder={t('socials.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
      </Flex>
      <Table<Activity>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('socials.empty') }}
        scroll={{ x: 900 }}
        pagination={pagination(list.data, (total) => t('socials.total', { total }))}
        columns={[
          {
            title: t('socials.field.title'),
            key: 'title',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{r.title}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.orgName}
                  {r.place && ` · ${r.place}`}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('socials.field.time'), key: 'time', width: 280, render: (_, r) => `${formatTime(r.startsAt)} ~ ${formatTime(r.endsAt)}` },
          { title: t('socials.field.signedUp'), key: 'signedUp', width: 130, render: (_, r) => `${r.confirmed} / ${r.capacity}` },
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_, r) => (
              <Button size="small" onClick={() => setOpen(r)}>
                {t('socials.settings')}
              </Button>
            ),
          },
        ]}
      />
      {open && <SocialModal activity={open} onClose={() => setOpen(null)} />}
    </Card>
  );
}

/** One social's settings (editable by a cadre with social.write) and its counts: never who picked whom. */
function SocialModal({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'social.write');
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const social = useQuery({ queryKey: [...keys.all, 'one', activity.id], queryFn: () => unwrap(api.GET('/api/socials/{id}', { params: { path: { id: activity.id } } })) });
  const s = social.data?.settings;
  useEffect(() => {
    if (s) form.setFieldsValue({ malePlaces: s.male.places, femalePlaces: s.female.places, minAge: s.minAge, maxAge: s.maxAge });
  }, [s, form]);
  return (
    <FormModal
      open
      width={560}
      title={`${t('socials.settings')} · ${activity.title}`}
      form={form}
      submit={(v: Values) => unwrap(api.PUT('/api/socials/{id}', { params: { path: { id: activity.id } }, body: { malePlaces: v.malePlaces, femalePlaces: v.femalePlaces, minAge: v.minAge ?? null, maxAge: v.maxAge ?? null } }))}
      onDone={() => {
        message.success(t('socials.saved'));
        void client.invalidateQueries({ queryKey: keys.all });
      }}
      onClose={onClose}
    >
      <Alert type="info" showIcon title={t('socials.privacy')} style={{ marginBottom: 16 }} />
      <Flex gap={12}>
        <Form.Item name="malePlaces" label={t('socials.field.malePlaces')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} disabled={!writable} />
        </Form.Item>
        <Form.Item name="femalePlaces" label={t('socials.field.femalePlaces')} rules={[{ required: true }]} style={{ flex: 1 }}>
          <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} disabled={!writable} />
        </Form.Item>
      </Flex>
      <Flex gap={12}>
        <Form.Item name="minAge" label={t('socials.field.minAge')} style={{ flex: 1 }}>
          <InputNumber min={16} max={150} precision={0} style={{ width: '100%' }} disabled={!writable} />
        </Form.Item>
        <Form.Item name="maxAge" label={t('socials.field.maxAge')} style={{ flex: 1 }}>
          <InputNumber min={16} max={150} precision={0} style={{ width: '100%' }} disabled={!writable} />
        </Form.Item>
      </Flex>
      {social.data && <Counts social={social.data} />}
    </FormModal>
  );
}

function Counts({ social }: { social: Social }) {
  const { t } = useTranslation();
  const s = social.settings;
  return (
    <Descriptions size="small" column={2} bordered title={t('socials.counts.title')} data-testid="social-counts">
      <Descriptions.Item label={t('socials.field.male')}>{s ? `${s.male.taken} / ${s.male.places}` : <Tag>{t('socials.noSettings')}</Tag>}</Descriptions.Item>
      <Descriptions.Item label={t('socials.field.female')}>{s ? `${s.female.taken} / ${s.female.places}` : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('socials.counts.attendees')}>{social.counts.attendees}</Descriptions.Item>
      <Descriptions.Item label={t('socials.counts.pickers')}>{social.counts.pickers}</Descriptions.Item>
      <Descriptions.Item label={t('socials.counts.picks')}>{social.counts.picks}</Descriptions.Item>
      <Descriptions.Item label={t('socials.counts.mutualPairs')}>{social.counts.mutualPairs}</Descriptions.Item>
      <Descriptions.Item label={t('socials.field.ageRange')} span={2}>
        {s && (s.minAge !== null || s.maxAge !== null) ? `${s.minAge ?? '—'} – ${s.maxAge ?? '—'}` : '—'}
      </Descriptions.Item>
      <Descriptions.Item span={2} label="⏱">
        {t('socials.picksClose', { at: formatTime(social.picksCloseAt) })}
      </Descriptions.Item>
    </Descriptions>
  );
}
