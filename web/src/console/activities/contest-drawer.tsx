import { App, Alert, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, InputNumber, Radio, Row, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { pickedInZone, type dayjs } from '../../ui/time';
import { reportError } from '../shared/errors';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { contestKeys } from './queries';
import { entryKinds, type CreateContestBody, type EntryKind } from './types';

type Day = dayjs.Dayjs;

interface Values {
  orgId: number;
  title: string;
  theme: string;
  description?: string;
  entryKind: EntryKind;
  submitOpensAt: Day;
  submitClosesAt: Day;
  voteOpensAt: Day;
  voteClosesAt: Day;
  entriesPerMember: number;
  votesPerMember: number;
  openToAll: boolean;
}

const initialValues: Partial<Values> = { entryKind: 'photo', entriesPerMember: 1, votesPerMember: 1, openToAll: false };

/** 发起比赛: a themed contest (随手拍, 征文, 短视频) with its entry and voting windows in China Standard Time. */
export function ContestDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();

  const create = useMutation({
    mutationFn: (v: Values) => {
      const body: CreateContestBody = {
        orgId: v.orgId,
        title: v.title.trim(),
        theme: v.theme.trim(),
        description: v.description?.trim() || null,
        entryKind: v.entryKind,
        submitOpensAt: pickedInZone(v.submitOpensAt),
        submitClosesAt: pickedInZone(v.submitClosesAt),
        voteOpensAt: pickedInZone(v.voteOpensAt),
        voteClosesAt: pickedInZone(v.voteClosesAt),
        entriesPerMember: v.entriesPerMember,
        votesPerMember: v.votesPerMember,
        openToAll: v.openToAll,
      };
      return unwrap(api.POST('/api/contests', { body }));
    },
    onSuccess: () => {
      message.success(t('contests.list.created'));
      queryClient.invalidateQueries({ queryKey: contestKeys.all });
      onClose();
    },
    onError: (error) => reportError(message, error, form),
  });

  const picker = { showTime: { format: 'HH:mm', minuteStep: 5 as const }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } };
  const required = (msg: string) => [{ required: true, message: msg }];
  const windowRequired = required(t('contests.list.windowRequired'));

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      title={t('contests.list.create')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
            {t('contests.list.create')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues} preserve={false} onFinish={(v) => create.mutate(v)}>
        <Form.Item name="title" label={t('contests.field.title')} rules={[...required(t('contests.list.titleRequired')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="theme" label={t('contests.field.theme')} rules={[...required(t('contests.list.themeRequired')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="orgId" label={t('contests.field.org')} rules={required(t('contests.list.orgRequired'))}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="entryKind" label={t('contests.field.entryKind')}>
          <Radio.Group optionType="button" options={entryKinds.map((k) => ({ value: k, label: t(`contests.entryKind.${k}`) }))} />
        </Form.Item>
        <Alert type="info" showIcon title={t('contests.list.windowsHint')} style={{ marginBottom: 16 }} />
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="submitOpensAt" label={`${t('contests.field.submitWindow')} · ${t('activities.field.startsAt')}`} rules={windowRequired}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="submitClosesAt" label={`${t('contests.field.submitWindow')} · ${t('activities.field.endsAt')}`} rules={windowRequired}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="voteOpensAt" label={`${t('contests.field.voteWindow')} · ${t('activities.field.startsAt')}`} rules={windowRequired}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="voteClosesAt" label={`${t('contests.field.voteWindow')} · ${t('activities.field.endsAt')}`} rules={windowRequired}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="entriesPerMember" label={t('contests.field.entriesPerMember')}>
              <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="votesPerMember" label={t('contests.field.votesPerMember')}>
              <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="openToAll" valuePropName="checked" extra={t('activities.field.openToAllHint')}>
          <Checkbox>{t('contests.field.openToAll')}</Checkbox>
        </Form.Item>
        <Form.Item name="description" label={t('contests.field.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
