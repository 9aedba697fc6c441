import { useEffect } from 'react';
import { App, Alert, Button, Checkbox, Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { inZone, pickedInZone, type dayjs } from '../../ui/time';
import { reportError } from '../shared/errors';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { activityKeys } from './queries';
import { activityKinds, type Activity, type ActivityKind, type CreateActivityBody, type UpdateActivityBody } from './types';

type Day = dayjs.Dayjs;

interface Values {
  title: string;
  kind: ActivityKind;
  orgId: number;
  place?: string;
  startsAt: Day;
  endsAt: Day;
  capacity: number;
  signupOpensAt?: Day | null;
  signupClosesAt?: Day | null;
  cancelDeadline?: Day | null;
  membersOnly: boolean;
  openToAll: boolean;
  minAge?: number | null;
  maxAge?: number | null;
  description?: string;
}

interface Props {
  /** The activity being edited, `'new'` to publish one, null when closed. */
  activity: Activity | 'new' | null;
  onClose: () => void;
}

const optionalInstant = (d: Day | null | undefined) => (d ? pickedInZone(d) : null);
const optionalText = (s: string | undefined) => s?.trim() || null;

function initialValues(activity: Activity | 'new'): Partial<Values> {
  if (activity === 'new') return { kind: 'culture', capacity: 30, membersOnly: false, openToAll: false };
  return {
    ...activity,
    place: activity.place ?? undefined,
    description: activity.description ?? undefined,
    startsAt: inZone(activity.startsAt),
    endsAt: inZone(activity.endsAt),
    signupOpensAt: activity.signupOpensAt ? inZone(activity.signupOpensAt) : null,
    // The server fills both with the start when left empty: show them empty again unless they differ.
    signupClosesAt: activity.signupClosesAt !== activity.startsAt ? inZone(activity.signupClosesAt) : null,
    cancelDeadline: activity.cancelDeadline !== activity.startsAt ? inZone(activity.cancelDeadline) : null,
  };
}

/** 发布活动 / 编辑活动: every time is picked and sent as China Standard Time (+08:00). */
export function ActivityDrawer({ activity, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const editing = activity !== null && activity !== 'new' ? activity : null;
  const membersOnly = Form.useWatch('membersOnly', form) === true;
  const openToAll = Form.useWatch('openToAll', form) === true;

  useEffect(() => {
    if (activity) {
      form.resetFields();
      form.setFieldsValue(initialValues(activity));
    }
  }, [activity, form]);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      const times = {
        startsAt: pickedInZone(v.startsAt),
        endsAt: pickedInZone(v.endsAt),
        signupOpensAt: optionalInstant(v.signupOpensAt),
        signupClosesAt: optionalInstant(v.signupClosesAt),
        cancelDeadline: optionalInstant(v.cancelDeadline),
      };
      if (editing) {
        const change: UpdateActivityBody = { title: v.title.trim(), place: optionalText(v.place), description: optionalText(v.description), capacity: v.capacity, ...times };
        await unwrap(api.PATCH('/api/activities/{id}', { params: { path: { id: editing.id } }, body: change }));
        return;
      }
      const body: CreateActivityBody = {
        orgId: v.orgId,
        title: v.title.trim(),
        kind: v.kind,
        place: optionalText(v.place),
        description: optionalText(v.description),
        capacity: v.capacity,
        membersOnly: v.membersOnly,
        openToAll: v.openToAll,
        minAge: v.minAge ?? null,
        maxAge: v.maxAge ?? null,
        ...times,
      };
      await unwrap(api.POST('/api/activities', { body }));
    },
    onSuccess: () => {
      message.success(editing ? t('activities.drawer.saved') : t('activities.drawer.created'));
      queryClient.invalidateQueries({ queryKey: activityKeys.all });
      onClose();
    },
    onError: (error) => reportError(message, error, form),
  });

  const picker = { showTime: { format: 'HH:mm', minuteStep: 5 as const }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } };
  const required = (msg: string) => [{ required: true, message: msg }];

  return (
    <Drawer
      open={activity !== null}
      onClose={onClose}
      size={560}
      title={editing ? t('activities.drawer.editTitle') : t('activities.drawer.createTitle')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {editing ? t('action.save') : t('activities.list.create')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {editing && <Alert type="info" showIcon title={t('activities.drawer.fixedAfterCreate')} style={{ marginBottom: 16 }} />}
        <Form.Item name="title" label={t('activities.field.title')} rules={[...required(t('activities.drawer.titleRequired')), { max: 100 }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('activities.field.kind')} rules={required(t('activities.drawer.kindRequired'))}>
              <Select disabled={!!editing} options={activityKinds.map((k) => ({ value: k, label: t(`activityKind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="capacity" label={t('activities.field.capacity')} rules={required(t('activities.drawer.capacityRequired'))}>
              <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {editing ? (
          <Form.Item label={t('activities.field.org')}>
            <Input disabled value={editing.orgName} />
          </Form.Item>
        ) : (
          <Form.Item name="orgId" label={t('activities.field.org')} rules={required(t('activities.drawer.orgRequired'))}>
            <OrgTreeSelect />
          </Form.Item>
        )}
        <Form.Item name="place" label={t('activities.field.place')} rules={[{ max: 200 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="startsAt" label={t('activities.field.startsAt')} rules={required(t('activities.drawer.timeRequired'))}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endsAt" label={t('activities.field.endsAt')} rules={required(t('activities.drawer.timeRequired'))}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signupOpensAt" label={t('activities.field.signupOpensAt')}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="signupClosesAt" label={t('activities.field.signupClosesAt')} extra={t('activities.list.defaultsToStart')}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="cancelDeadline" label={t('activities.field.cancelDeadline')} extra={t('activities.list.defaultsToStart')}>
              <DatePicker {...picker} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('activities.field.ageRange')} style={{ marginBottom: 0 }}>
          <Space.Compact>
            <Form.Item name="minAge" noStyle>
              <InputNumber min={0} max={120} precision={0} disabled={!!editing} placeholder={t('activities.field.minAge')} aria-label={t('activities.field.minAge')} style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="maxAge" noStyle>
              <InputNumber min={0} max={120} precision={0} disabled={!!editing} placeholder={t('activities.field.maxAge')} aria-label={t('activities.field.maxAge')} style={{ width: 140 }} />
            </Form.Item>
          </Space.Compact>
        </Form.Item>
        {/* 仅限会员 and 面向全体职工 exclude each other (the server refuses both): ticking one locks the other. */}
        <Form.Item name="membersOnly" valuePropName="checked" style={{ margin: '16px 0 4px' }}>
          <Checkbox disabled={!!editing || openToAll}>{t('activities.field.membersOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="openToAll" valuePropName="checked" extra={t('activities.field.openToAllHint')}>
          <Checkbox disabled={!!editing || membersOnly}>{t('activities.field.openToAll')}</Checkbox>
        </Form.Item>
        <Form.Item name="description" label={t('activities.field.description')} rules={[{ max: 2000 }]} extra={t('activities.drawer.timezone')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
