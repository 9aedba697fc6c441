import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { MinusCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { UploadFile } from 'antd';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { can } from '../access';
import { useCurrentUser } from '../shared/me-context';
import { reportError } from '../shared/errors';
import { ExportButton } from '../shared/export-button';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { usePagedFilters } from '../shared/paged-filters';
import { TitleCell } from '../shared/title-cell';
import { postFile } from '../articles/post-file';

type Course = paths['/api/courses']['get']['responses'][200]['content']['application/json']['items'][number];
type Detail = paths['/api/courses/{id}']['get']['responses'][200]['content']['application/json'];
type Enrolment = paths['/api/courses/{id}/enrolments']['get']['responses'][200]['content']['application/json']['items'][number];
type Status = 'running' | 'completed';
type EnrolmentStatus = Enrolment['status'];

const keys = { all: ['courses'] as const, one: (id: number) => ['courses', id] as const };
const picker = { showTime: { format: 'HH:mm', minuteStep: 5 as const }, format: 'YYYY-MM-DD HH:mm', style: { width: '100%' } };
const ACCEPT = '.pdf,.mp4,.m4v,.mov';

interface Filters {
  status?: Status;
  q?: string;
  orgId?: number;
  page: number;
  pageSize: number;
}

/** 职工培训: courses in scope with places and completion; a drawer with each one's sessions, lessons, trainees, completion and attendance export. */
export function TrainingPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const writable = can(me, 'training.write');
  const { filters, set, pagination } = usePagedFilters<Filters>({ page: 1, pageSize: 20 }, ['status']);
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const list = useQuery({ queryKey: [...keys.all, filters], queryFn: () => unwrap(api.GET('/api/courses', { params: { query: filters } })), placeholderData: keepPreviousData });

  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('layout.menu.training')}</h1>}
      extra={
        writable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('training.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={t('training.search')} style={{ width: 240 }} defaultValue={filters.q} onSearch={(q) => set({ q: q.trim() || undefined })} />
        <Select<Status>
          allowClear
          aria-label={t('training.field.status')}
          placeholder={t('training.allStatus')}
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => set({ status })}
          options={(['running', 'completed'] as const).map((s) => ({ value: s, label: t(`training.status.${s}`) }))}
        />
        <OrgTreeSelect allowClear placeholder={t('training.allOrgs')} style={{ width: 260 }} value={filters.orgId} onChange={(orgId) => set({ orgId })} />
      </Flex>
      <Table<Course>
        rowKey="id"
        data-testid="courses"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('training.empty') }}
        scroll={{ x: 1000 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        pagination={pagination(list.data, (total) => t('training.total', { total }))}
        columns={[
          {
            title: t('training.field.title'),
            key: 'title',
            render: (_, r) => <TitleCell title={r.title} orgName={r.orgName} />,
          },
          {
            title: t('training.field.time'),
            key: 'time',
            width: 260,
            render: (_, r) => (r.startsAt ? `${formatTime(r.startsAt)} ~ ${formatTime(r.endsAt!)}` : t('training.online')),
          },
          {
            title: t('training.field.content'),
            key: 'content',
            width: 170,
            render: (_, r) => [r.sessions ? `${r.sessions} ${t('training.sessions')}` : null, r.lessons ? `${r.lessons} ${t('training.lessons')}` : null].filter(Boolean).join(' · '),
          },
          {
            title: t('training.field.places'),
            key: 'places',
            width: 170,
            render: (_, r) => (
              <Space size={4}>
                {r.sessions ? t('training.places', { confirmed: r.confirmed, capacity: r.capacity }) : r.confirmed}
                {r.waitlisted > 0 && <Tag color="warning">{t('training.waitlisted', { n: r.waitlisted })}</Tag>}
              </Space>
            ),
          },
          {
            title: t('training.field.status'),
            key: 'status',
            width: 150,
            render: (_, r) =>
              r.completedAt ? (
                <Tag color="success">
                  {t('training.status.completed')} {r.completedCount}
                </Tag>
              ) : (
                <Tag color="processing">{t('training.status.running')}</Tag>
              ),
          },
        ]}
      />
      <CreateModal open={creating} onClose={() => setCreating(false)} />
      <CourseDrawer id={open} writable={writable} onClose={() => setOpen(null)} />
    </Card>
  );
}

interface LessonInput {
  title: string;
  videoUrl?: string;
  hours: number;
  file?: UploadFile[];
}
interface CourseInput {
  orgId: number;
  title: string;
  description?: string;
  sessions?: { startsAt: Dayjs; endsAt: Dayjs; place: string; capacity: number }[];
  lessons?: LessonInput[];
}

/** 新建培训: the course, its sessions and its lessons in one request; the lessons' chosen files follow, one upload each. */
function CreateModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const [form] = Form.useForm<CourseInput>();
  const submit = async (v: CourseInput) => {
    const lessons = v.lessons ?? [];
    const { id } = await unwrap(
      api.POST('/api/courses', {
        body: {
          orgId: v.orgId,
          title: v.title,
          description: v.description,
          sessions: (v.sessions ?? []).map((s) => ({ startsAt: s.startsAt?.toISOString(), endsAt: s.endsAt?.toISOString(), place: s.place, capacity: s.capacity })),
          lessons: lessons.map((l) => ({ title: l.title, videoUrl: l.videoUrl || null, hours: l.hours })),
        },
      }),
    );
    if (lessons.some((l) => l.file?.length)) {
      // The course is made; a refused file is told, and can be uploaded again from the course.
      const created = await unwrap(api.GET('/api/courses/{id}', { params: { path: { id } } }));
      for (const [i, l] of lessons.entries()) {
        const file = l.file?.[0]?.originFileObj;
        if (!file) continue;
        await postFile(`/api/lessons/${created.lessonList[i].id}/file`, file, {}, me.csrfToken, t('training.uploadFailed')).catch((err: Error) => message.error(`${l.title}：${err.message}`));
      }
    }
    return { id };
  };
  return (
    <FormModal
      open={open}
      title={t('training.create')}
      form={form}
      width={760}
      initialValues={{ sessions: [], lessons: [] }}
      submit={submit}
      onDone={() => {
        message.success(t('training.created'));
        void client.invalidateQueries({ queryKey: keys.all });
      }}
      onClose={onClose}
    >
      <Form.Item name="title" label={t('training.field.title')} rules={[{ required: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="orgId" label={t('training.field.org')} rules={[{ required: true }]}>
        <OrgTreeSelect />
      </Form.Item>
      <Form.Item name="description" label={t('training.field.description')}>
        <Input.TextArea maxLength={2000} rows={2} />
      </Form.Item>
      <Typography.Title level={5}>{t('training.sessions')}</Typography.Title>
      <Form.List name="sessions">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline" data-testid="session-row">
                <Form.Item name={[field.name, 'startsAt']} label={t('training.field.startsAt')} rules={[{ required: true }]} style={{ width: 180 }}>
                  <DatePicker {...picker} />
                </Form.Item>
                <Form.Item name={[field.name, 'endsAt']} label={t('training.field.endsAt')} rules={[{ required: true }]} style={{ width: 180 }}>
                  <DatePicker {...picker} />
                </Form.Item>
                <Form.Item name={[field.name, 'place']} label={t('training.field.place')} rules={[{ required: true }]} style={{ flex: 1 }}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name={[field.name, 'capacity']} label={t('training.field.capacity')} rules={[{ required: true }]}>
                  <InputNumber min={1} max={100000} precision={0} style={{ width: 90 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
              {t('training.addSession')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5}>{t('training.lessons')}</Typography.Title>
      <Form.List name="lessons">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="baseline" wrap data-testid="lesson-row">
                <Form.Item name={[field.name, 'title']} label={t('training.field.lessonTitle')} rules={[{ required: true }]} style={{ flex: 1, minWidth: 160 }}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name={[field.name, 'videoUrl']} label={t('training.field.videoUrl')} style={{ flex: 1, minWidth: 160 }}>
                  <Input maxLength={500} placeholder="https://" />
                </Form.Item>
                <Form.Item name={[field.name, 'hours']} label={t('training.field.hours')} rules={[{ required: true }]}>
                  <InputNumber min={0.5} max={40} step={0.5} style={{ width: 80 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'file']} label={t('training.field.file')} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)} tooltip={t('training.fileHint')}>
                  <Upload accept={ACCEPT} maxCount={1} beforeUpload={() => false}>
                    <Button icon={<UploadOutlined />}>{t('training.chooseFile')}</Button>
                  </Upload>
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ hours: 1 })}>
              {t('training.addLesson')}
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}

/** A course: its figures, sessions (with check-in), lessons (with their files), trainees, completion and the attendance export. */
function CourseDrawer({ id, writable, onClose }: { id: number | null; writable: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [fileFor, setFileFor] = useState<number | null>(null);
  const [status, setStatus] = useState<EnrolmentStatus | undefined>();
  const detail = useQuery({ queryKey: keys.one(id ?? 0), queryFn: () => unwrap(api.GET('/api/courses/{id}', { params: { path: { id: id! } } })), enabled: id !== null });
  const enrolments = useQuery({
    queryKey: [...keys.one(id ?? 0), 'enrolments', status],
    queryFn: () => unwrap(api.GET('/api/courses/{id}/enrolments', { params: { path: { id: id! }, query: { page: 1, pageSize: 200, status } } })),
    enabled: id !== null,
  });
  const refresh = () => client.invalidateQueries({ queryKey: keys.all });
  const complete = useMutation({
    mutationFn: () => unwrap(api.POST('/api/courses/{id}/complete', { params: { path: { id: id! } } })),
    onSuccess: (r) => {
      message.success(t('training.completed', r));
      void refresh();
    },
    onError: (error) => reportError(message, error),
  });
  const upload = async (file: File) => {
    try {
      await postFile(`/api/lessons/${fileFor}/file`, file, {}, me.csrfToken, t('training.uploadFailed'));
      message.success(t('training.uploaded'));
      await refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  };
  const d: Detail | undefined = detail.data;

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={960}
      title={d?.title}
      destroyOnHidden
      extra={
        <Space>
          {id !== null && <ExportButton url={`/api/courses/${id}/attendance/export`} filters={{ status }} />}
          {writable && d && !d.completedAt && (
            <Popconfirm title={t('training.completeConfirm')} overlayStyle={{ maxWidth: 360 }} onConfirm={() => complete.mutate()}>
              <Button type="primary" loading={complete.isPending}>
                {t('training.complete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      {d && (
        <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('training.field.org')}>{d.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('training.field.places')}>
            {d.sessions ? t('training.places', { confirmed: d.confirmed, capacity: d.capacity }) : d.confirmed}
            {d.waitlisted > 0 && ` · ${t('training.waitlisted', { n: d.waitlisted })}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('training.field.status')}>
            {d.completedAt ? `${t('training.status.completed')}（${formatTime(d.completedAt)}，${d.completedCount}）` : t('training.status.running')}
          </Descriptions.Item>
          {d.description && (
            <Descriptions.Item label={t('training.field.description')} span={3}>
              {d.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void upload(file);
        }}
      />
      <Typography.Title level={5}>{t('training.sessions')}</Typography.Title>
      <Table<Detail['sessionList'][number]>
        rowKey="id"
        size="small"
        data-testid="course-sessions"
        dataSource={d?.sessionList ?? []}
        locale={{ emptyText: t('training.noSessions') }}
        pagination={false}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('training.field.time'), key: 'time', width: 260, render: (_, s) => `${formatTime(s.startsAt)} ~ ${formatTime(s.endsAt)}` },
          { title: t('training.field.place'), dataIndex: 'place' },
          { title: t('training.field.capacity'), dataIndex: 'capacity', width: 70, align: 'right' },
          { title: t('training.field.hours'), dataIndex: 'hours', width: 60, align: 'right' },
          { title: t('training.field.attended'), dataIndex: 'attended', width: 60, align: 'right' },
          { title: '', key: 'checkIn', width: 70, render: (_, s) => <Link to={`/checkin/${s.activityId}`}>{t('training.checkIn')}</Link> },
        ]}
      />
      <Typography.Title level={5}>{t('training.lessons')}</Typography.Title>
      <Table<Detail['lessonList'][number]>
        rowKey="id"
        size="small"
        data-testid="course-lessons"
        dataSource={d?.lessonList ?? []}
        locale={{ emptyText: t('training.noLessons') }}
        pagination={false}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('training.field.lessonTitle'), dataIndex: 'title' },
          { title: t('training.field.hours'), dataIndex: 'hours', width: 60, align: 'right' },
          {
            title: t('training.field.content'),
            key: 'source',
            width: 360,
            render: (_, l) => (
              <Space wrap size={8}>
                {l.videoUrl && (
                  <a href={l.videoUrl} target="_blank" rel="noreferrer">
                    {t('training.watch')}
                  </a>
                )}
                {l.fileUrl && (
                  <a href={l.fileUrl} target="_blank" rel="noreferrer">
                    {l.fileName}
                  </a>
                )}
                {writable && (
                  <Button
                    size="small"
                    icon={<UploadOutlined />}
                    onClick={() => {
                      setFileFor(l.id);
                      input.current?.click();
                    }}
                  >
                    {l.fileUrl ? t('training.replace') : t('training.upload')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Flex justify="space-between" align="center">
        <Typography.Title level={5}>{t('training.enrolments')}</Typography.Title>
        <Select<EnrolmentStatus>
          allowClear
          size="small"
          aria-label={t('training.field.status')}
          placeholder={t('training.allStatus')}
          style={{ width: 120 }}
          value={status}
          onChange={setStatus}
          options={(['confirmed', 'waitlisted', 'cancelled'] as const).map((s) => ({ value: s, label: t(`training.enrolmentStatus.${s}`) }))}
        />
      </Flex>
      <Table<Enrolment>
        rowKey="id"
        size="small"
        data-testid="course-enrolments"
        loading={enrolments.isFetching}
        dataSource={enrolments.data?.items ?? []}
        locale={{ emptyText: t('training.noEnrolments') }}
        pagination={false}
        scroll={{ x: 860 }}
        columns={[
          { title: t('training.field.name'), dataIndex: 'name', width: 100 },
          { title: t('training.field.union'), dataIndex: 'orgName' },
          {
            title: t('training.field.status'),
            dataIndex: 'status',
            width: 80,
            render: (s: EnrolmentStatus) => <Tag color={s === 'confirmed' ? 'success' : s === 'waitlisted' ? 'warning' : 'default'}>{t(`training.enrolmentStatus.${s}`)}</Tag>,
          },
          { title: t('training.field.enrolledAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
          { title: t('training.field.attended'), key: 'attended', width: 70, align: 'right', render: (_, e) => `${e.attended} / ${d?.sessions ?? 0}` },
          { title: t('training.field.lessonsFinished'), key: 'lessons', width: 80, align: 'right', render: (_, e) => `${e.lessonsFinished} / ${d?.lessons ?? 0}` },
          { title: t('training.field.hours'), dataIndex: 'hours', width: 60, align: 'right', render: (h: number | null) => h ?? '—' },
          {
            title: t('training.field.completed'),
            key: 'completed',
            width: 190,
            render: (_, e) => (e.completed ? <Tag color="success">{t('training.certificate', { no: e.certificateNo })}</Tag> : d?.completedAt ? t('training.no') : '—'),
          },
        ]}
      />
    </Drawer>
  );
}
