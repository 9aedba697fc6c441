import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Checkbox, DatePicker, Divider, Flex, Form, Input, InputNumber, Radio, Select, Space, Table } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { api, unwrap } from '../../api/client';
import { formatTime, pickedInZone } from '../../ui/time';
import { can } from '../access';
import { FormModal } from '../shared/form-modal';
import { OrgTreeSelect } from '../shared/org-tree-select';
import { useCurrentUser } from '../shared/me-context';
import { competitionKeys } from './queries';

interface CriterionValues {
  name: string;
  weight: number;
  kind: 'measurement' | 'judgement';
  maxMarks?: number;
}
interface Values {
  orgId: number;
  title: string;
  year: number;
  window: [Dayjs, Dayjs];
  referenceDate?: Dayjs;
  levelUpAwards: ('first' | 'second' | 'third')[];
  events: { name: string; maxAge?: number; level?: number; awardBy: 'share' | 'count'; first: number; second: number; third: number; criteria: CriterionValues[] }[];
}

const newEvent = () => ({ awardBy: 'share', first: 10, second: 20, third: 30, criteria: [{ name: '', weight: 60, kind: 'measurement' }, { name: '', weight: 40, kind: 'judgement' }] });

/** 技能竞赛: the contests of the caller's scope; cadres create one with its events and marking schemes. */
export function ContestsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [creating, setCreating] = useState(false);
  const [page, setPage] = useState(1);
  const contests = useQuery({ queryKey: competitionKeys.list({ page }), queryFn: () => unwrap(api.GET('/api/skill-contests', { params: { query: { page, pageSize: 20 } } })) });
  const f = (k: string) => t(`competitions.field.${k}`);
  const orgId = me.grants.find((g) => g.role === 'cadre' && g.orgId !== null)?.orgId ?? undefined;

  return (
    <Card
      title={<h1 style={{ fontSize: 16, margin: 0 }}>{t('competitions.title')}</h1>}
      extra={
        can(me, 'competition.write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('competitions.create')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        loading={contests.isPending}
        dataSource={contests.data?.items}
        locale={{ emptyText: contests.isError ? contests.error.message : t('competitions.empty') }}
        pagination={{ current: page, pageSize: 20, total: contests.data?.total, hideOnSinglePage: true, onChange: setPage }}
        columns={[
          { title: f('title'), dataIndex: 'title', render: (title: string, c) => <Link to={`/competitions/${c.id}`}>{title}</Link> },
          { title: f('year'), dataIndex: 'year', width: 80 },
          { title: f('org'), dataIndex: 'orgName', width: 180 },
          { title: f('window'), key: 'window', width: 260, render: (_, c) => `${formatTime(c.registrationOpensAt)} ~ ${formatTime(c.registrationClosesAt)}` },
          { title: f('events'), dataIndex: 'events', width: 90, align: 'right' },
          { title: f('entries'), dataIndex: 'entries', width: 90, align: 'right' },
        ]}
      />
      <FormModal<Values, { id: number }>
        open={creating}
        title={t('competitions.createTitle')}
        form={form}
        width={860}
        okText={t('action.create')}
        initialValues={{ orgId, year: new Date().getFullYear(), levelUpAwards: [], events: [newEvent() as Values['events'][number]] }}
        submit={(v) =>
          unwrap(
            api.POST('/api/skill-contests', {
              body: {
                orgId: v.orgId,
                title: v.title,
                year: v.year,
                registrationOpensAt: pickedInZone(v.window[0]),
                registrationClosesAt: pickedInZone(v.window[1]),
                referenceDate: v.referenceDate ? v.referenceDate.format('YYYY-MM-DD') : null,
                levelUpAwards: v.levelUpAwards,
                events: v.events.map((e) => ({
                  name: e.name,
                  maxAge: e.maxAge ?? null,
                  level: e.level ?? null,
                  awards: { by: e.awardBy, first: e.first, second: e.second, third: e.third },
                  criteria: e.criteria.map((c) => ({ name: c.name, weight: c.weight, kind: c.kind, maxMarks: c.kind === 'measurement' ? (c.maxMarks ?? null) : null })),
                })),
              },
            }),
          )
        }
        onDone={(c, v) => {
          message.success(t('competitions.created', { title: v.title }));
          queryClient.invalidateQueries({ queryKey: competitionKeys.all });
          navigate(`/competitions/${c.id}`);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="orgId" label={f('org')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="title" label={f('title')} rules={[{ required: true, max: 100 }]}>
          <Input placeholder="第二届“匠人新秀”技能大比武" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="year" label={f('year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="window" label={f('window')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
          </Form.Item>
          <Form.Item name="referenceDate" label={f('referenceDate')} extra={f('referenceHint')}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="levelUpAwards" label={f('levelUp')} extra={f('levelUpHint')}>
          <Checkbox.Group options={(['first', 'second', 'third'] as const).map((a) => ({ value: a, label: t(`competitions.award.${a}`) }))} />
        </Form.Item>
        <Form.List name="events">
          {(events, { add, remove }) => (
            <>
              {events.map((ev) => (
                <Card key={ev.key} size="small" style={{ marginBottom: 12 }} extra={events.length > 1 && <MinusCircleOutlined onClick={() => remove(ev.name)} />}>
                  <Space wrap align="start">
                    <Form.Item name={[ev.name, 'name']} label={f('eventName')} rules={[{ required: true, max: 60 }]}>
                      <Input placeholder="五金工艺" />
                    </Form.Item>
                    <Form.Item name={[ev.name, 'maxAge']} label={f('maxAge')}>
                      <InputNumber min={16} max={70} placeholder="35" />
                    </Form.Item>
                    <Form.Item name={[ev.name, 'level']} label={f('level')}>
                      <Select allowClear style={{ width: 150 }} options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: t(`competitions.level.${l}`) }))} />
                    </Form.Item>
                  </Space>
                  <Space wrap align="start">
                    <Form.Item name={[ev.name, 'awardBy']} label={f('awards')}>
                      <Radio.Group options={(['share', 'count'] as const).map((b) => ({ value: b, label: t(`competitions.awardBy.${b}`) }))} />
                    </Form.Item>
                    {(['first', 'second', 'third'] as const).map((a) => (
                      <Form.Item key={a} name={[ev.name, a]} label={t(`competitions.award.${a}`)} rules={[{ required: true }]}>
                        <InputNumber min={0} max={100} style={{ width: 80 }} />
                      </Form.Item>
                    ))}
                  </Space>
                  <Divider titlePlacement="start" plain>
                    {f('criteria')}
                  </Divider>
                  <Form.List name={[ev.name, 'criteria']}>
                    {(criteria, c) => (
                      <>
                        {criteria.map((cr) => (
                          <Flex key={cr.key} gap={8} align="baseline">
                            <Form.Item name={[cr.name, 'name']} rules={[{ required: true, max: 60 }]} style={{ flex: 1 }}>
                              <Input placeholder={f('criterionName')} />
                            </Form.Item>
                            <Form.Item name={[cr.name, 'weight']} rules={[{ required: true }]}>
                              <InputNumber min={1} max={100} prefix={f('weight')} style={{ width: 130 }} />
                            </Form.Item>
                            <Form.Item name={[cr.name, 'kind']} rules={[{ required: true }]}>
                              <Select style={{ width: 140 }} options={(['measurement', 'judgement'] as const).map((k) => ({ value: k, label: t(`competitions.kind.${k}`) }))} />
                            </Form.Item>
                            <Form.Item name={[cr.name, 'maxMarks']}>
                              <InputNumber min={1} max={1000} placeholder={f('maxMarks')} style={{ width: 90 }} />
                            </Form.Item>
                            <MinusCircleOutlined onClick={() => c.remove(cr.name)} />
                          </Flex>
                        ))}
                        <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => c.add({ weight: 10, kind: 'judgement' })}>
                          {t('competitions.addCriterion')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newEvent())}>
                {t('competitions.addEvent')}
              </Button>
            </>
          )}
        </Form.List>
      </FormModal>
    </Card>
  );
}
