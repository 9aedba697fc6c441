import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Card, Form, List, NavBar, NoticeBar, Selector, Stepper, Tag, TextArea, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import type { paths } from '../../api/schema';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { bargainingZh } from './messages';
import './texts';
import '../members/members.css';

type MyRound = paths['/api/bargaining/mine']['get']['responses'][200]['content']['application/json']['items'][number];
type Topic = keyof typeof bargainingZh.topic;
const topics = Object.keys(bargainingZh.topic) as Topic[];

/** The rounds covering the member's enterprise: elect representatives, answer the survey, read the agreement. */
export function BargainingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/bargaining/mine')), []);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('bargaining.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('bargaining.empty')} />}
      {data?.items.map((r) => <RoundCard key={r.id} r={r} reload={reload} />)}
    </div>
  );
}

const fail = (error: unknown) => Toast.show({ icon: 'fail', content: error instanceof Error ? error.message : String(error) });

function RoundCard({ r, reload }: { r: MyRound; reload: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<number | null>(null);
  const vote = async (representativeId: number) => {
    setBusy(representativeId);
    try {
      await unwrap(api.POST('/api/bargaining/{id}/votes', { params: { path: { id: r.id } }, body: { representativeId } }));
      reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Card
      style={{ margin: 12 }}
      title={
        <div>
          <div style={{ fontSize: 15 }}>{r.title}</div>
          <div style={{ marginTop: 4 }}>
            <Tag color="primary" fill="outline">
              {t(`bargaining.kind.${r.kind}`)}
            </Tag>{' '}
            <Tag color={r.status === 'effective' ? 'success' : 'default'}>{t(`bargaining.status.${r.status}`)}</Tag>
          </div>
        </div>
      }
    >
      {r.open && r.candidates.length > 0 && (
        <>
          <h2 style={{ fontSize: 14, margin: '0 0 4px' }}>{t('bargaining.elect')}</h2>
          <NoticeBar content={t('bargaining.electNote')} color="info" />
          <List>
            {r.candidates.map((c) => (
              <List.Item
                key={c.id}
                description={t('bargaining.votes', { n: c.votes })}
                extra={
                  c.votedByMe ? (
                    <Tag color="success">{t('bargaining.voted')}</Tag>
                  ) : (
                    <Button size="small" color="primary" loading={busy === c.id} onClick={() => void vote(c.id)} aria-label={`${t('bargaining.vote')} ${c.name}`}>
                      {t('bargaining.vote')}
                    </Button>
                  )
                }
              >
                {c.name} {c.chief && <Tag color="danger">{t('bargaining.chief')}</Tag>}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {r.open && (r.surveyAnswered ? <NoticeBar content={t('bargaining.answered')} color="success" /> : <SurveyForm id={r.id} onDone={reload} />)}
      {r.agreement && (
        <>
          <h2 style={{ fontSize: 14, margin: '12px 0 4px' }}>{t('bargaining.agreement')}</h2>
          <div style={{ color: '#666', fontSize: 13 }}>{r.effectiveOn && r.expiresOn ? t('bargaining.term', { from: r.effectiveOn, to: r.expiresOn }) : t('bargaining.pending')}</div>
          <ol style={{ paddingLeft: 20, margin: '8px 0 0' }}>
            {r.agreement.clauses.map((c, i) => (
              <li key={i} style={{ marginBottom: 6 }}>
                <strong>{t(`bargaining.topic.${c.topic}`)}</strong>：{c.text}
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}

function SurveyForm({ id, onDone }: { id: number; onDone: () => void }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const submit = async (v: { priorities?: Topic[]; expectedRaisePercent?: number; comment?: string }) => {
    setSaving(true);
    try {
      await unwrap(api.POST('/api/bargaining/{id}/survey', { params: { path: { id } }, body: { priorities: v.priorities ?? [], expectedRaisePercent: v.expectedRaisePercent ?? 5, comment: v.comment } }));
      Toast.show({ icon: 'success', content: t('bargaining.thanks') });
      onDone();
    } catch (error) {
      fail(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
    <h2 style={{ fontSize: 14, margin: '12px 0 0' }}>{t('bargaining.survey')}</h2>
    <Form
      layout="vertical"
      initialValues={{ priorities: ['wage_growth'], expectedRaisePercent: 5 }}
      onFinish={(v) => void submit(v)}
      footer={
        <Button block type="submit" color="primary" loading={saving}>
          {t('bargaining.submit')}
        </Button>
      }
    >
      <Form.Item name="priorities" label={t('bargaining.priorities')}>
        <Selector multiple columns={2} options={topics.map((x) => ({ value: x, label: t(`bargaining.topic.${x}`) }))} />
      </Form.Item>
      <Form.Item name="expectedRaisePercent" label={t('bargaining.raise')}>
        <Stepper min={0} max={100} digits={0} aria-label={t('bargaining.raise')} />
      </Form.Item>
      <Form.Item name="comment" label={t('bargaining.comment')}>
        <TextArea maxLength={500} rows={2} />
      </Form.Item>
    </Form>
    </>
  );
}
