import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Col, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Popconfirm, Radio, Result, Row, Skeleton, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { dayjs } from '../../ui/time';
import { can } from '../access';
import { reportError } from '../shared/errors';
import { FormModal } from '../shared/form-modal';
import { useCurrentUser } from '../shared/me-context';
import { pioneerKeys } from './queries';
import { LevelTag, TypeTag } from './tags';
import { levels, type Level, type TitleHistory } from './types';

/** A dialog the page opens: which action, on which record. */
type Action =
  | { kind: 'decision'; id: number; level: Level }
  | { kind: 'schedule' }
  | { kind: 'result'; id: number }
  | { kind: 'revoke' }
  | { kind: 'revocationDecision'; id: number }
  | { kind: 'reward' };

const day = (d: Dayjs) => d.format('YYYY-MM-DD');
const upward = (level: Level): Level | null => {
  const bottomUp = [...levels].reverse();
  return bottomUp[bottomUp.indexOf(level) + 1] ?? null;
};

/** A title's full history: its path up the levels, recommendations, inspections, revocations, rewards. */
export function TitlePage() {
  const { t } = useTranslation();
  const id = Number(useParams().titleId);
  const title = useQuery({
    queryKey: pioneerKeys.title(id),
    queryFn: () => unwrap(api.GET('/api/pioneer/titles/{id}', { params: { path: { id } } })),
  });
  if (title.isPending) return <Skeleton active />;
  if (title.isError) return <Result status="error" title={t('error.loadFailed')} subTitle={title.error.message} />;
  return <TitleView title={title.data} />;
}

function TitleView({ title: h }: { title: TitleHistory }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const mayWrite = can(me, 'pioneer.write');
  const active = h.status === 'active';
  const next = upward(h.level);
  const f = (k: string) => t(`pioneer.titles.field.${k}`);
  const x = (k: string) => t(`pioneer.title.${k}`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: pioneerKeys.all });
  const recommend = useMutation({
    mutationFn: () => unwrap(api.POST('/api/pioneer/titles/{id}/recommendations', { params: { path: { id: h.id } }, body: {} })),
    onSuccess: () => {
      message.success(x('recommended'));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });
  const pending = h.recommendations.some((r) => r.status === 'pending');

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Flex align="center" gap={8} wrap>
            <h1 style={{ fontSize: 17, margin: 0 }}>{t('pioneer.title.heading', { team: h.teamName, level: t(`pioneer.level.${h.level}`) })}</h1>
            <TypeTag type={h.type} />
            <Tag bordered={false} color={active ? 'green' : 'default'}>
              {t(`pioneer.titles.status.${h.status}`)}
            </Tag>
          </Flex>
        }
        extra={
          <Flex gap={8} wrap>
            <Link to={`/pioneer/titles/${h.id}/certificate`}>
              <Button icon={<PrinterOutlined />}>{x('certificate')}</Button>
            </Link>
            {mayWrite && active && next && !pending && (
              <Popconfirm title={t('pioneer.title.recommendConfirm', { level: t(`pioneer.level.${next}`) })} onConfirm={() => recommend.mutate()}>
                <Button loading={recommend.isPending}>{x('recommend')}</Button>
              </Popconfirm>
            )}
            {mayWrite && active && <Button onClick={() => setAction({ kind: 'schedule' })}>{x('schedule')}</Button>}
            {mayWrite && active && <Button onClick={() => setAction({ kind: 'reward' })}>{x('addReward')}</Button>}
            {mayWrite && active && (
              <Button danger onClick={() => setAction({ kind: 'revoke' })}>
                {x('revoke')}
              </Button>
            )}
          </Flex>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label={f('team')}>{h.teamName}</Descriptions.Item>
          <Descriptions.Item label={f('enterprise')}>{h.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={f('org')}>{h.orgName}</Descriptions.Item>
          <Descriptions.Item label={f('level')}>
            <LevelTag level={h.level} />
          </Descriptions.Item>
          <Descriptions.Item label={f('year')}>{h.year}</Descriptions.Item>
          <Descriptions.Item label={f('source')}>{t(`pioneer.titles.source.${h.source}`)}</Descriptions.Item>
          <Descriptions.Item label={f('namedOn')}>{h.namedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={f('documentNo')}>{h.documentNo ?? '—'}</Descriptions.Item>
          {h.campaign && (
            <Descriptions.Item label={f('campaign')}>
              <Link to={`/pioneer/campaigns/${h.campaign.id}`}>{h.campaign.name}</Link>
              {h.campaign.score !== null && ` · ${f('score')} ${h.campaign.score.toFixed(2)}`}
              {h.campaign.rank !== null && ` · ${f('rank')} ${h.campaign.rank}`}
              {h.campaign.award && ` · ${t(`pioneer.award.${h.campaign.award}`)}`}
            </Descriptions.Item>
          )}
          {h.revokedOn && <Descriptions.Item label={f('revokedOn')}>{h.revokedOn}</Descriptions.Item>}
          {h.revocationReason && <Descriptions.Item label={f('revocationReason')}>{h.revocationReason}</Descriptions.Item>}
        </Descriptions>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {x('ladder')}
        </Typography.Title>
        <Steps
          size="small"
          items={[...levels].reverse().map((level) => {
            const rung = h.ladder.find((r) => r.level === level);
            return {
              title: rung ? <Link to={`/pioneer/titles/${rung.id}`}>{t(`pioneer.level.${level}`)}</Link> : t(`pioneer.level.${level}`),
              description: rung ? `${rung.year} · ${t(`pioneer.titles.status.${rung.status}`)}` : undefined,
              status: rung ? (rung.status === 'active' ? 'finish' : 'error') : 'wait',
            };
          })}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Section title={x('recommendations')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={h.recommendations}
                locale={{ emptyText: x('none') }}
                columns={[
                  { title: x('toLevel'), dataIndex: 'toLevel', render: (l: Level) => <LevelTag level={l} /> },
                  { title: x('recommendedOn'), dataIndex: 'recommendedOn' },
                  { title: f('status'), dataIndex: 'status', render: (s: string) => t(`pioneer.title.recommendationStatus.${s}`) },
                  { title: x('decidedOn'), dataIndex: 'decidedOn', render: (v: string | null) => v ?? '—' },
                  { title: f('documentNo'), dataIndex: 'documentNo', render: (v: string | null) => v ?? '—' },
                  {
                    title: '',
                    key: 'act',
                    render: (_, r) =>
                      mayWrite && r.status === 'pending' ? <a onClick={() => setAction({ kind: 'decision', id: r.id, level: r.toLevel })}>{x('decision')}</a> : r.resultTitleId && <Link to={`/pioneer/titles/${r.resultTitleId}`}>{t('pioneer.titles.open')}</Link>,
                  },
                ]}
              />
            </Section>
            <Section title={x('inspections')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={h.inspections}
                locale={{ emptyText: x('none') }}
                columns={[
                  { title: x('dueOn'), dataIndex: 'dueOn' },
                  { title: f('status'), dataIndex: 'status', render: (s: string) => t(`pioneer.title.inspectionStatus.${s}`) },
                  { title: x('result'), dataIndex: 'result', render: (r: string | null) => (r ? t(`pioneer.title.inspectionResult.${r}`) : '—') },
                  { title: x('inspectedOn'), dataIndex: 'inspectedOn', render: (v: string | null) => v ?? '—' },
                  { title: x('notes'), dataIndex: 'notes', render: (v: string | null) => v ?? '—' },
                  { title: '', key: 'act', render: (_, i) => mayWrite && i.status === 'scheduled' && <a onClick={() => setAction({ kind: 'result', id: i.id })}>{x('recordResult')}</a> },
                ]}
              />
            </Section>
            <Section title={x('revocations')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={h.revocations}
                locale={{ emptyText: x('none') }}
                columns={[
                  { title: x('reason'), dataIndex: 'reason' },
                  { title: x('proposedOn'), dataIndex: 'proposedOn' },
                  { title: f('status'), dataIndex: 'status', render: (s: string) => t(`pioneer.title.revocationStatus.${s}`) },
                  { title: x('decidedOn'), dataIndex: 'decidedOn', render: (v: string | null) => v ?? '—' },
                  { title: x('note'), dataIndex: 'note', render: (v: string | null) => v ?? '—' },
                  { title: '', key: 'act', render: (_, r) => mayWrite && r.status === 'proposed' && <a onClick={() => setAction({ kind: 'revocationDecision', id: r.id })}>{x('decide')}</a> },
                ]}
              />
            </Section>
            <Section title={x('rewards')}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={h.rewards}
                locale={{ emptyText: x('none') }}
                columns={[
                  { title: x('awardedOn'), dataIndex: 'awardedOn', width: 120 },
                  { title: x('rewardDescription'), dataIndex: 'description' },
                  { title: x('amount'), dataIndex: 'amountFen', align: 'right', render: (v: number | null) => (v === null ? '—' : (v / 100).toFixed(2)) },
                ]}
              />
            </Section>
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Section title={x('timeline')}>
            <Timeline items={h.events.map((e, i) => ({ key: i, content: <span><Typography.Text type="secondary">{e.on}</Typography.Text> {e.text}</span> }))} />
          </Section>
        </Col>
      </Row>
      {action && <ActionModal title={h} action={action} onClose={() => setAction(null)} />}
    </Flex>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={<h2 style={{ fontSize: 15, margin: 0 }}>{title}</h2>}>
      {children}
    </Card>
  );
}

/** The dialogs of the title's actions: one form each, sent to its endpoint. */
function ActionModal({ title: h, action, onClose }: { title: TitleHistory; action: Action; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const x = (k: string) => t(`pioneer.title.${k}`);
  const today = dayjs();
  const dateItem = (name: string, label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <DatePicker />
    </Form.Item>
  );

  // Each action: its heading, its fields and its request.
  let heading: string;
  let fields: ReactNode;
  let initial: Record<string, unknown> = {};
  let submit: (v: Record<string, unknown>) => Promise<unknown>;
  const d = (v: unknown) => day(v as Dayjs);
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  switch (action.kind) {
    case 'decision':
      heading = t('pioneer.title.decisionTitle', { level: t(`pioneer.level.${action.level}`) });
      initial = { outcome: 'named', decidedOn: today };
      fields = (
        <>
          <Form.Item name="outcome" label={x('outcome')} rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'named', label: x('outcomeNamed') }, { value: 'not_named', label: x('outcomeNotNamed') }]} />
          </Form.Item>
          {dateItem('decidedOn', x('decidedOn'))}
          <Form.Item name="documentNo" label={t('pioneer.titles.field.documentNo')}>
            <Input maxLength={60} />
          </Form.Item>
        </>
      );
      submit = (v) =>
        unwrap(api.POST('/api/pioneer/recommendations/{id}/decision', { params: { path: { id: action.id } }, body: { outcome: v.outcome as 'named' | 'not_named', decidedOn: d(v.decidedOn), documentNo: text(v.documentNo) } }));
      break;
    case 'schedule':
      heading = x('schedule');
      initial = { dueOn: today.add(1, 'year') };
      fields = dateItem('dueOn', x('dueOn'));
      submit = (v) => unwrap(api.POST('/api/pioneer/titles/{id}/inspections', { params: { path: { id: h.id } }, body: { dueOn: d(v.dueOn) } }));
      break;
    case 'result':
      heading = x('recordResult');
      initial = { result: 'passed', inspectedOn: today };
      fields = (
        <>
          <Form.Item name="result" label={x('result')} rules={[{ required: true }]}>
            <Radio.Group options={(['passed', 'rectify', 'failed'] as const).map((r) => ({ value: r, label: t(`pioneer.title.inspectionResult.${r}`) }))} />
          </Form.Item>
          {dateItem('inspectedOn', x('inspectedOn'))}
          <Form.Item name="notes" label={x('notes')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </>
      );
      submit = (v) =>
        unwrap(
          api.POST('/api/pioneer/inspections/{id}/result', {
            params: { path: { id: action.id } },
            body: { result: v.result as 'passed' | 'rectify' | 'failed', inspectedOn: d(v.inspectedOn), notes: text(v.notes) },
          }),
        );
      break;
    case 'revoke':
      heading = x('revokeTitle');
      initial = { revokedOn: today };
      fields = (
        <>
          <Typography.Paragraph type="secondary">{x('revokeHint')}</Typography.Paragraph>
          <Form.Item name="reason" label={x('reason')} rules={[{ required: true, max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {dateItem('revokedOn', x('revokedOn'))}
        </>
      );
      submit = (v) => unwrap(api.POST('/api/pioneer/titles/{id}/revoke', { params: { path: { id: h.id } }, body: { reason: String(v.reason), revokedOn: d(v.revokedOn) } }));
      break;
    case 'revocationDecision':
      heading = x('decideTitle');
      initial = { outcome: 'confirmed', decidedOn: today };
      fields = (
        <>
          <Form.Item name="outcome" label={x('outcome')} rules={[{ required: true }]}>
            <Radio.Group options={[{ value: 'confirmed', label: x('confirmRevoke') }, { value: 'dismissed', label: x('dismissRevoke') }]} />
          </Form.Item>
          {dateItem('decidedOn', x('decidedOn'))}
          <Form.Item name="note" label={x('note')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </>
      );
      submit = (v) =>
        unwrap(
          api.POST('/api/pioneer/revocations/{id}/decision', {
            params: { path: { id: action.id } },
            body: { outcome: v.outcome as 'confirmed' | 'dismissed', decidedOn: d(v.decidedOn), note: text(v.note) },
          }),
        );
      break;
    case 'reward':
      heading = x('addReward');
      initial = { awardedOn: today };
      fields = (
        <>
          {dateItem('awardedOn', x('awardedOn'))}
          <Form.Item name="description" label={x('rewardDescription')} rules={[{ required: true, max: 200 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="amount" label={x('amount')}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
        </>
      );
      submit = (v) =>
        unwrap(
          api.POST('/api/pioneer/titles/{id}/rewards', {
            params: { path: { id: h.id } },
            body: { awardedOn: d(v.awardedOn), description: String(v.description), amountFen: typeof v.amount === 'number' ? Math.round(v.amount * 100) : null },
          }),
        );
      break;
  }

  return (
    <FormModal
      open
      title={heading}
      form={form}
      initialValues={initial}
      submit={submit}
      onDone={() => {
        message.success(x('saved'));
        queryClient.invalidateQueries({ queryKey: pioneerKeys.all });
      }}
      onClose={onClose}
    >
      {fields}
    </FormModal>
  );
}
