import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Flex, Form, Input, InputNumber, Popconfirm, Radio, Result, Row, Select, Skeleton, Space, Switch, Table, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { dayjs } from '../../ui/time';
import { FormModal } from '../shared/form-modal';
import { reportError } from '../shared/errors';
import { MemberSelect } from '../shared/search-select';
import { statusColor } from './rounds-page';
import { bargainingKeys, type AdoptionResult, type Draft, type Representative, type RoundDetail, type TimelineEntry, type Topic } from './types';

const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');

/** One round: its timeline of statutory deadlines, the representatives, the survey, meetings, drafts, the vote and the filing. */
export function RoundPage() {
  const { t } = useTranslation();
  const id = Number(useParams().roundId);
  const round = useQuery({ queryKey: bargainingKeys.round(id), queryFn: () => unwrap(api.GET('/api/bargaining/{id}', { params: { path: { id } } })) });
  if (round.isPending) return <Skeleton active />;
  if (round.isError) return <Result status="error" title={t('error.loadFailed')} subTitle={round.error.message} />;
  const r = round.data;
  const manage = r.actions.includes('manage');
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Flex align="center" gap={12} wrap>
            <Link to="/bargaining">
              <Button size="small" icon={<ArrowLeftOutlined />} aria-label={t('bargaining.back')} />
            </Link>
            <h1 style={{ fontSize: 16, margin: 0 }}>{r.title}</h1>
            <Tag color={statusColor[r.status]}>{t(`bargaining.status.${r.status}`)}</Tag>
          </Flex>
        }
        extra={manage && <Steps r={r} />}
      >
        {r.escalated && r.status === 'proposed' && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('bargaining.escalated')} />}
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('bargaining.field.org')}>{r.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('bargaining.field.kind')}>{t(`bargaining.kind.${r.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('bargaining.field.coverage')}>{t(`bargaining.coverage.${r.coverage}`)}</Descriptions.Item>
          <Descriptions.Item label={t('bargaining.field.proposedBy')}>{t(`bargaining.side.${r.proposedBy}`)}</Descriptions.Item>
          <Descriptions.Item label={t('bargaining.field.termYears')}>{r.termYears ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('bargaining.field.enterprises')}>{r.enterpriseList.map((e) => e.name).join('、')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={9}>
          <Card title={t('bargaining.timeline')} size="small">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('bargaining.timelineNote')} {r.statute}
            </Typography.Paragraph>
            <Timeline items={r.timeline.map((e) => timelineItem(e, t))} />
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Representatives r={r} manage={manage} />
            <Survey r={r} />
            <Meetings r={r} manage={manage} />
            <Drafts r={r} manage={manage} />
            <Adoption r={r} manage={manage} />
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function timelineItem(e: TimelineEntry, t: ReturnType<typeof useTranslation>['t']) {
  const done = e.on !== null && !(e.step === 'term' || e.step === 'renewal');
  const color = e.late ? 'red' : done ? 'green' : 'gray';
  const hint = t(`bargaining.stepHint.${e.step}`, { defaultValue: '' });
  return {
    color,
    children: (
      <div data-step={e.step}>
        <Space size={6} wrap>
          <Typography.Text strong>{t(`bargaining.step.${e.step}`)}</Typography.Text>
          <Tag>{e.article}</Tag>
          {e.late && <Tag color="red">{t('bargaining.late')}</Tag>}
        </Space>
        <div>
          {e.on && <Typography.Text>{e.on}</Typography.Text>}
          {e.dueOn && (
            <Typography.Text type={e.late ? 'danger' : 'secondary'} style={{ marginLeft: e.on ? 8 : 0 }}>
              {t('bargaining.due', { date: e.dueOn })}
            </Typography.Text>
          )}
        </div>
        {hint && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{hint}</Typography.Text>}
      </div>
    ),
  };
}

function useAct(id: number) {
  const { message } = App.useApp();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (step: () => Promise<unknown>) => step(),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: bargainingKeys.all });
      void client.invalidateQueries({ queryKey: bargainingKeys.round(id) });
    },
    onError: (e) => reportError(message, e),
  });
}

type Step = 'reply' | 'file' | 'review';

/** The step buttons the round's status offers: reply, sign, file, review. */
function Steps({ r }: { r: RoundDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useAct(r.id);
  const [dialog, setDialog] = useState<Step | null>(null);
  const path = { params: { path: { id: r.id } } };
  return (
    <Space wrap>
      {r.status === 'proposed' && <Button onClick={() => setDialog('reply')}>{t('bargaining.reply')}</Button>}
      {r.status === 'adopted' && (
        <Popconfirm title={t('bargaining.sign')} onConfirm={() => act.mutate(async () => message.success(t('bargaining.signed', { due: (await unwrap(api.POST('/api/bargaining/{id}/sign', { ...path, body: {} }))).filingDueOn })))}>
          <Button type="primary">{t('bargaining.sign')}</Button>
        </Popconfirm>
      )}
      {r.status === 'signed' && <Button type="primary" onClick={() => setDialog('file')}>{t('bargaining.file')}</Button>}
      {r.status === 'filed' && <Button onClick={() => setDialog('review')}>{t('bargaining.review')}</Button>}
      {(['reply', 'file', 'review'] as const).map((step) => (
        <StepDialog key={step} step={step} roundId={r.id} open={dialog === step} onClose={() => setDialog(null)} />
      ))}
    </Space>
  );
}

/**
 * One step's dialog with a form of its own, so the filing dialog still closing never empties the
 * review dialog opened right after it (they once shared one form, and its date could come up blank).
 */
function StepDialog({ step, roundId, open, onClose }: { step: Step; roundId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const client = useQueryClient();
  const path = { params: { path: { id: roundId } } };
  return (
    <FormModal
      open={open}
      title={t(`bargaining.${step}`)}
      form={form}
      initialValues={{ on: dayjs(), accepted: true, outcome: 'confirmed' }}
      submit={async (v: { on: dayjs.Dayjs; accepted?: boolean; reason?: string; outcome?: 'confirmed' | 'objection' }) => {
        if (step === 'reply') return unwrap(api.POST('/api/bargaining/{id}/reply', { ...path, body: { repliedOn: day(v.on), accepted: v.accepted ?? true, reason: v.reason } }));
        if (step === 'file') {
          const res = await unwrap(api.POST('/api/bargaining/{id}/filing', { ...path, body: { filedOn: day(v.on) } }));
          message.success(t('bargaining.filed', { date: res.effectiveOn }));
          return res;
        }
        return unwrap(api.POST('/api/bargaining/{id}/review', { ...path, body: { outcome: v.outcome ?? 'confirmed', decidedOn: day(v.on) } }));
      }}
      onDone={() => void client.invalidateQueries({ queryKey: bargainingKeys.all })}
      onClose={onClose}
    >
      <Form.Item name="on" label={t(step === 'reply' ? 'bargaining.field.repliedOn' : step === 'file' ? 'bargaining.field.filedOn' : 'bargaining.field.decidedOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      {step === 'reply' && (
        <>
          <Form.Item name="accepted" label={t('bargaining.reply')}>
            <Radio.Group options={[{ value: true, label: t('bargaining.accepted') }, { value: false, label: t('bargaining.declined') }]} />
          </Form.Item>
          <Form.Item name="reason" label={t('bargaining.field.reason')}>
            <Input maxLength={500} />
          </Form.Item>
        </>
      )}
      {step === 'review' && (
        <Form.Item name="outcome">
          <Radio.Group options={[{ value: 'confirmed', label: t('bargaining.confirmed') }, { value: 'objection', label: t('bargaining.objection') }]} />
        </Form.Item>
      )}
      {step === 'file' && <Typography.Text type="secondary">{t('bargaining.stepHint.review')}</Typography.Text>}
    </FormModal>
  );
}

function Representatives({ r, manage }: { r: RoundDetail; manage: boolean }) {
  const { t } = useTranslation();
  const act = useAct(r.id);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const client = useQueryClient();
  const side = Form.useWatch('side', form) as 'worker' | 'employer' | undefined;
  const open = ['proposed', 'negotiating', 'adopted'].includes(r.status);
  return (
    <Card size="small" title={t('bargaining.reps')} extra={manage && open && <Button onClick={() => setAdding(true)}>{t('bargaining.addRep')}</Button>}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('bargaining.repsNote')}</Typography.Paragraph>
      <Table<Representative>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.representatives}
        columns={[
          { title: t('bargaining.field.name'), dataIndex: 'name', render: (n: string, x) => (x.status === 'withdrawn' ? <Typography.Text delete>{n}</Typography.Text> : n) },
          { title: t('bargaining.field.side'), dataIndex: 'side', width: 90, render: (s: Representative['side']) => t(`bargaining.side.${s}`) },
          { title: t('bargaining.field.chief'), dataIndex: 'chief', width: 90, render: (c: boolean) => (c ? <Tag color="red">{t('bargaining.field.chief')}</Tag> : null) },
          { title: t('bargaining.field.votes'), dataIndex: 'votes', width: 110, align: 'right', render: (v: number, x) => (x.side === 'worker' && x.memberId ? v : '') },
          {
            key: 'actions',
            width: 180,
            render: (_, x) =>
              x.status === 'withdrawn' ? (
                <Typography.Text type="secondary">{t('bargaining.withdrawn', { reason: x.withdrawnReason })}</Typography.Text>
              ) : (
                manage &&
                open && (
                  <Popconfirm
                    title={t('bargaining.withdraw')}
                    description={<Input id={`reason-${x.id}`} placeholder={t('bargaining.field.reason')} />}
                    onConfirm={() =>
                      act.mutate(() => {
                        const reason = (document.getElementById(`reason-${x.id}`) as HTMLInputElement | null)?.value || '更换';
                        return unwrap(api.POST('/api/bargaining-representatives/{id}/withdrawal', { params: { path: { id: x.id } }, body: { reason } }));
                      })
                    }
                  >
                    <Button size="small" type="link">
                      {t('bargaining.withdraw')}
                    </Button>
                  </Popconfirm>
                )
              ),
          },
        ]}
      />
      <FormModal
        open={adding}
        title={t('bargaining.addRep')}
        form={form}
        initialValues={{ side: 'worker', chief: false }}
        submit={(v: { side: 'worker' | 'employer'; name?: string; chief: boolean; memberId?: number }) =>
          unwrap(api.POST('/api/bargaining/{id}/representatives', { params: { path: { id: r.id } }, body: { side: v.side, name: v.name || '代表', chief: v.chief, memberId: v.memberId } }))
        }
        onDone={() => void client.invalidateQueries({ queryKey: bargainingKeys.round(r.id) })}
        onClose={() => setAdding(false)}
      >
        <Form.Item name="side" label={t('bargaining.field.side')}>
          <Radio.Group options={(['worker', 'employer'] as const).map((s) => ({ value: s, label: t(`bargaining.side.${s}`) }))} />
        </Form.Item>
        {side === 'worker' && (
          <Form.Item name="memberId" label={t('bargaining.field.member')}>
            <MemberSelect orgId={r.orgId} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('bargaining.field.name')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="chief" label={t('bargaining.field.chief')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function Survey({ r }: { r: RoundDetail }) {
  const { t } = useTranslation();
  const s = r.survey;
  const top = Object.entries(s.byTopic)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return (
    <Card size="small" title={t('bargaining.survey')} extra={<Typography.Text type="secondary">{t('bargaining.surveyAnswers', { n: s.answers })}</Typography.Text>}>
      {s.answers === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text>{t('bargaining.meanRaise', { mean: s.meanRaisePercent, median: s.medianRaisePercent })}</Typography.Text>
          <Flex gap={8} wrap>
            {top.map(([topic, n]) => (
              <Tag key={topic} color="blue">
                {t(`bargaining.topic.${topic}`)} {n}
              </Tag>
            ))}
          </Flex>
        </Space>
      )}
    </Card>
  );
}

function Meetings({ r, manage }: { r: RoundDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const client = useQueryClient();
  const open = ['proposed', 'negotiating'].includes(r.status);
  return (
    <Card size="small" title={t('bargaining.meetings')} extra={manage && open && <Button onClick={() => setAdding(true)}>{t('bargaining.addMeeting')}</Button>}>
      {r.meetings.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        r.meetings.map((m) => (
          <div key={m.id} style={{ marginBottom: 8 }}>
            <Space size={6}>
              <Typography.Text strong>{m.heldOn}</Typography.Text>
              <Tag>{t(`bargaining.mode.${m.mode}`)}</Tag>
              {m.place && <Typography.Text type="secondary">{m.place}</Typography.Text>}
            </Space>
            <Typography.Paragraph style={{ margin: 0 }}>{m.minutes}</Typography.Paragraph>
          </div>
        ))
      )}
      <FormModal
        open={adding}
        title={t('bargaining.addMeeting')}
        form={form}
        initialValues={{ heldOn: dayjs(), mode: 'o2o' }}
        submit={(v: { heldOn: dayjs.Dayjs; mode: 'online' | 'offline' | 'o2o'; place?: string; minutes: string }) =>
          unwrap(api.POST('/api/bargaining/{id}/meetings', { params: { path: { id: r.id } }, body: { ...v, heldOn: day(v.heldOn) } }))
        }
        onDone={() => void client.invalidateQueries({ queryKey: bargainingKeys.round(r.id) })}
        onClose={() => setAdding(false)}
      >
        <Flex gap={12}>
          <Form.Item name="heldOn" label={t('bargaining.field.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="mode" label={t('bargaining.field.kind')}>
            <Select style={{ width: 200 }} options={(['online', 'offline', 'o2o'] as const).map((m) => ({ value: m, label: t(`bargaining.mode.${m}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('bargaining.field.place')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="minutes" label={t('bargaining.field.minutes')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function Drafts({ r, manage }: { r: RoundDetail; manage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const client = useQueryClient();
  const open = ['proposed', 'negotiating'].includes(r.status);
  const last: Draft | undefined = r.drafts[r.drafts.length - 1];
  return (
    <Card size="small" title={t('bargaining.drafts')} extra={manage && open && <Button onClick={() => setAdding(true)}>{t('bargaining.addDraft')}</Button>}>
      {r.drafts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        [...r.drafts].reverse().map((d) => (
          <div key={d.id} style={{ marginBottom: 12 }}>
            <Space size={6} wrap>
              <Typography.Text strong>{t('bargaining.version', { v: d.version })}</Typography.Text>
              <Typography.Text type="secondary">
                {t('bargaining.field.termYears')} {d.termYears}
              </Typography.Text>
              {d.note && <Typography.Text type="secondary">{d.note}</Typography.Text>}
              {d.version > 1 &&
                d.changes.map((c) => (
                  <Tag key={c.topic} color={c.change === 'removed' ? 'red' : c.change === 'added' ? 'green' : 'orange'}>
                    {t(`bargaining.topic.${c.topic}`)} {t(`bargaining.change.${c.change}`)}
                  </Tag>
                ))}
            </Space>
            {d === last && (
              <ol style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {d.clauses.map((c, i) => (
                  <li key={i}>
                    <Typography.Text type="secondary">{t(`bargaining.topic.${c.topic}`)}：</Typography.Text>
                    {c.text}
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))
      )}
      <FormModal
        open={adding}
        title={t('bargaining.addDraft')}
        form={form}
        width={720}
        initialValues={{ termYears: last?.termYears ?? 1, clauses: last?.clauses ?? [] }}
        submit={(v: { termYears: number; note?: string; clauses: { topic: Topic; text: string }[] }) => unwrap(api.POST('/api/bargaining/{id}/drafts', { params: { path: { id: r.id } }, body: v }))}
        onDone={() => void client.invalidateQueries({ queryKey: bargainingKeys.round(r.id) })}
        onClose={() => setAdding(false)}
      >
        <Form.Item name="termYears" label={t('bargaining.field.termYears')} extra={t('bargaining.stepHint.term')}>
          <InputNumber min={1} max={3} />
        </Form.Item>
        <Form.List name="clauses">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item name={[f.name, 'topic']} style={{ width: 150 }}>
                    <Select options={r.templates.map((x) => ({ value: x.topic, label: t(`bargaining.topic.${x.topic}`) }))} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} style={{ flex: 1 }} rules={[{ required: true }]}>
                    <Input.TextArea autoSize maxLength={2000} />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>
                    ×
                  </Button>
                </Flex>
              ))}
              <Select
                placeholder={t('bargaining.templates')}
                aria-label={t('bargaining.templates')}
                style={{ width: 260 }}
                value={undefined}
                onChange={(topic: Topic) => add({ topic, text: r.templates.find((x) => x.topic === topic)!.text })}
                options={r.templates.map((x) => ({ value: x.topic, label: t(`bargaining.topic.${x.topic}`) }))}
              />
            </>
          )}
        </Form.List>
        <Form.Item name="note" label={t('bargaining.field.reason')} style={{ marginTop: 12 }}>
          <Input maxLength={500} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

function Adoption({ r, manage }: { r: RoundDetail; manage: boolean }) {
  const { t } = useTranslation();
  const act = useAct(r.id);
  const [result, setResult] = useState<AdoptionResult | null>(null);
  const [form] = Form.useForm();
  return (
    <Card size="small" title={t('bargaining.adoption')}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('bargaining.adoptionNote')}</Typography.Paragraph>
      {r.adoptions.map((a) => (
        <div key={a.id}>
          <Tag color={a.adopted ? 'green' : 'red'}>{a.adopted ? t('bargaining.adopted') : t('bargaining.notAdopted')}</Tag>
          {a.heldOn} {t(`bargaining.body.${a.body}`)} · {t('bargaining.field.representatives')} {a.representatives} · {t('bargaining.field.attending')} {a.attending} · {t('bargaining.field.approving')} {a.approving}
        </div>
      ))}
      {result && (
        <Alert
          style={{ marginTop: 8 }}
          type={result.adopted ? 'success' : 'warning'}
          showIcon
          title={t('bargaining.voteResult', { result: result.adopted ? t('bargaining.adopted') : t('bargaining.notAdopted'), ...result.rule })}
        />
      )}
      {manage && r.status === 'negotiating' && r.drafts.length > 0 && (
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12 }}
          onFinish={(v: { representatives: number; attending: number; approving: number }) =>
            act.mutate(async () => setResult(await unwrap(api.POST('/api/bargaining/{id}/adoption', { params: { path: { id: r.id } }, body: { ...v, body: 'workers_congress' } }))))
          }
        >
          <Form.Item name="representatives" label={t('bargaining.field.representatives')} rules={[{ required: true }]}>
            <InputNumber min={1} />
          </Form.Item>
          <Form.Item name="attending" label={t('bargaining.field.attending')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="approving" label={t('bargaining.field.approving')} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={act.isPending}>
            {t('bargaining.recordVote')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
