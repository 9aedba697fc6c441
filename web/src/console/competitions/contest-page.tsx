import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Checkbox, DatePicker, Descriptions, Flex, Popconfirm, Result, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime, inZone, pickedInZone } from '../../ui/time';
import { ExportButton } from '../shared/export-button';
import { MemberSelect, UserSelect } from '../shared/search-select';
import { reportError } from '../shared/errors';
import { competitionKeys } from './queries';

type Contest = Awaited<ReturnType<typeof loadContest>>;
type Event = Contest['events'][number];

const loadContest = (id: number) => unwrap(api.GET('/api/skill-contests/{id}', { params: { path: { id } } }));
const statusColor = { open: 'blue', locked: 'orange', published: 'green' } as const;

/** One contest: per event its scheme, judges, competitors with their marking progress, lock and publish, results and certificates. */
export function ContestPage() {
  const { t } = useTranslation();
  const id = Number(useParams().contestId);
  const contest = useQuery({ queryKey: competitionKeys.contest(id), queryFn: () => loadContest(id) });
  if (contest.isPending) return <Skeleton active />;
  if (contest.isError) return <Result status="error" title={t('error.loadFailed')} subTitle={contest.error.message} />;
  const c = contest.data;
  const f = (k: string) => t(`competitions.field.${k}`);
  return (
    <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{c.title}</h1>} extra={<ExportButton url={`/api/skill-contests/${c.id}/entries/export`} />}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={f('org')}>{c.orgName}</Descriptions.Item>
        <Descriptions.Item label={f('year')}>{c.year}</Descriptions.Item>
        <Descriptions.Item label={f('window')}>
          {formatTime(c.registrationOpensAt)} ~ {formatTime(c.registrationClosesAt)}
        </Descriptions.Item>
        <Descriptions.Item label={f('referenceDate')}>{c.referenceDate}</Descriptions.Item>
        <Descriptions.Item label={f('levelUp')}>{c.levelUpAwards.map((a) => t(`competitions.award.${a}`)).join('、') || '—'}</Descriptions.Item>
      </Descriptions>
      <Tabs
        items={c.events.map((e) => ({
          key: String(e.id),
          label: (
            <span>
              {e.name} <Tag color={statusColor[e.status]}>{t(`competitions.status.${e.status}`)}</Tag>
            </span>
          ),
          children: <EventPane contest={c} event={e} />,
        }))}
      />
    </Card>
  );
}

function EventPane({ contest, event: e }: { contest: Contest; event: Event }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: competitionKeys.all });
  const move = useMutation({
    mutationFn: (name: 'lock' | 'publish') => unwrap(api.POST(`/api/skill-contests/{id}/events/{eventId}/${name}`, { params: { path: { id: contest.id, eventId: e.id } } })),
    onSuccess: (_, name) => {
      message.success(t('competitions.event.done', { name: t(`competitions.event.${name}`) }));
      refresh();
    },
    onError: (error) => reportError(message, error),
  });
  const finish = useMutation({
    mutationFn: (v: { entryId: number; finishedAt: string }) => unwrap(api.PUT('/api/skill-entries/{id}/finish', { params: { path: { id: v.entryId } }, body: { finishedAt: v.finishedAt } })),
    onSuccess: refresh,
    onError: (error) => reportError(message, error),
  });
  const ev = (k: string) => t(`competitions.event.${k}`);
  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        {e.maxAge && <Tag>{t('competitions.field.maxAge')} ≤ {e.maxAge}</Tag>}
        {e.level && <Tag>{t(`competitions.level.${e.level}`)}</Tag>}
        <Tag>
          {t(`competitions.awardBy.${e.awards.by}`)}: {e.awards.first} / {e.awards.second} / {e.awards.third}
        </Tag>
        <Typography.Text type="secondary">{ev('tieBreak')}</Typography.Text>
        <span style={{ flex: 1 }} />
        {e.actions.map((a) => (
          <Popconfirm key={a} title={ev(a)} description={ev(`${a}Confirm`)} onConfirm={() => move.mutate(a)}>
            <Button type={a === 'publish' ? 'primary' : 'default'} loading={move.isPending}>
              {ev(a)}
            </Button>
          </Popconfirm>
        ))}
      </Flex>
      <Descriptions size="small" title={ev('scheme')} column={1} bordered>
        {e.criteria.map((c, i) => (
          <Descriptions.Item key={i} label={c.name}>
            {t(`competitions.kind.${c.kind}`)} · {t('competitions.field.weight')} {c.weight}
            {c.kind === 'measurement' && ` · ${t('competitions.field.maxMarks')} ${c.maxMarks}`}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Judges contest={contest} event={e} onChange={refresh} />
      {contest.writes && e.status === 'open' && <EnterMember contest={contest} event={e} onChange={refresh} />}
      <Table
        rowKey="id"
        size="small"
        title={() => <strong>{ev('entries')}</strong>}
        dataSource={e.status === 'published' ? [...e.entries].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)) : e.entries}
        pagination={false}
        columns={[
          ...(e.status === 'published' ? [{ title: ev('rank'), dataIndex: 'rank', width: 70 }] : []),
          { title: ev('member'), dataIndex: 'memberName', width: 120 },
          { title: ev('union'), dataIndex: 'unionName' },
          { title: ev('enterprise'), dataIndex: 'enterpriseName', render: (v: string | null) => v ?? '—' },
          { title: ev('sheets'), key: 'sheets', width: 100, render: (_, n) => <Tag color={n.sheetsComplete >= n.sheetsExpected && n.sheetsExpected > 0 ? 'green' : 'default'}>{`${n.sheetsComplete} / ${n.sheetsExpected}`}</Tag> },
          {
            title: ev('finishedAt'),
            key: 'finishedAt',
            width: 190,
            render: (_, n) =>
              contest.writes && e.status === 'open' ? (
                <DatePicker
                  size="small"
                  showTime={{ format: 'HH:mm:ss' }}
                  format="MM-DD HH:mm:ss"
                  aria-label={`${ev('finishedAt')} ${n.memberName}`}
                  value={n.finishedAt ? inZone(n.finishedAt) : null}
                  onChange={(d) => d && finish.mutate({ entryId: n.id, finishedAt: pickedInZone(d) })}
                />
              ) : (
                formatTime(n.finishedAt) || '—'
              ),
          },
          { title: ev('score'), dataIndex: 'score', width: 90, render: (s: number | null) => (s === null ? '—' : s.toFixed(2)) },
          { title: ev('award'), dataIndex: 'award', width: 100, render: (a: Event['entries'][number]['award']) => (a ? <Tag color="red">{t(`competitions.award.${a}`)}</Tag> : '—') },
          {
            title: ev('certificate'),
            key: 'certificate',
            width: 110,
            render: (_, n) =>
              n.award && (
                <Link to={`/competitions/entries/${n.id}/certificate`}>
                  <PrinterOutlined /> {ev('print')}
                </Link>
              ),
          },
        ]}
      />
    </Flex>
  );
}

/** 代为报名: a cadre enters a member of the organiser's subtree (a worker without a phone, a list from an enterprise). */
function EnterMember({ contest, event: e, onChange }: { contest: Contest; event: Event; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [memberId, setMemberId] = useState<number>();
  const enter = useMutation({
    mutationFn: () => unwrap(api.POST('/api/skill-contests/{id}/entries', { params: { path: { id: contest.id } }, body: { eventId: e.id, memberId: memberId! } })),
    onSuccess: () => {
      message.success(t('competitions.event.entered'));
      setMemberId(undefined);
      onChange();
    },
    onError: (error) => reportError(message, error),
  });
  return (
    <Space wrap>
      <strong>{t('competitions.event.enterMember')}</strong>
      <MemberSelect orgId={contest.orgId} value={memberId} onChange={setMemberId} placeholder={t('competitions.event.memberPlaceholder')} />
      <Button disabled={!memberId} loading={enter.isPending} onClick={() => enter.mutate()}>
        {t('competitions.event.enter')}
      </Button>
    </Space>
  );
}

function Judges({ contest, event: e, onChange }: { contest: Contest; event: Event; onChange: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [userId, setUserId] = useState<number>();
  const [chief, setChief] = useState(false);
  const add = useMutation({
    mutationFn: () => unwrap(api.POST('/api/skill-contests/{id}/judges', { params: { path: { id: contest.id } }, body: { eventId: e.id, userId: userId!, chief } })),
    onSuccess: () => {
      message.success(t('competitions.event.judgeAdded'));
      setUserId(undefined);
      setChief(false);
      onChange();
    },
    onError: (error) => reportError(message, error),
  });
  return (
    <Flex vertical gap={8}>
      <strong>{t('competitions.event.judges')}</strong>
      <Space wrap>
        {e.judges.map((j) => (
          <Tag key={j.id} color={j.chief ? 'gold' : undefined}>
            {j.name}
            {j.chief && ` · ${t('competitions.event.chief')}`}
          </Tag>
        ))}
      </Space>
      {contest.writes && e.status === 'open' && (
        <Space wrap>
          <UserSelect value={userId} onChange={setUserId} placeholder={t('competitions.event.judgeUser')} />
          <Checkbox checked={chief} onChange={(x) => setChief(x.target.checked)}>
            {t('competitions.event.chief')}
          </Checkbox>
          <Button disabled={!userId} loading={add.isPending} onClick={() => add.mutate()}>
            {t('competitions.event.addJudge')}
          </Button>
        </Space>
      )}
    </Flex>
  );
}
