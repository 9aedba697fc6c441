import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { List, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { MarkItem, ScoreFooter } from '../shared/marking';
import '../members/members.css';
import '../pioneer/pioneer.css';
import './texts';

type Criterion = { name: string; weight: number; kind: 'measurement' | 'judgement'; maxMarks: number };

/** The score the server will count for this sheet: each criterion's share of its marks times its weight. */
function expected(criteria: Criterion[], values: Record<number, number | null>): number | null {
  if (criteria.some((_, i) => values[i] == null)) return null;
  return Math.round(criteria.reduce((s, c, i) => s + (values[i]! / c.maxMarks) * c.weight, 0) * 100) / 100;
}

/** One competitor's marking sheet: every criterion of the event's scheme, judgement 0–3 or measurement 0..max. */
export function MarkingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const eventId = Number(params.eventId);
  const entryId = Number(params.entryId);
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/skill-judging')), []);
  const event = data?.items.find((e) => e.eventId === eventId);
  const entry = event?.entries.find((e) => e.id === entryId);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/competitions/judging')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('competitions.judging.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && (!event || !entry) && <EmptyState title={t('competitions.judging.empty')} />}
      {event && entry && <Sheet key={entry.id} event={event} entry={entry} onSaved={() => navigate('/competitions/judging')} />}
    </div>
  );
}

interface SheetProps {
  event: { eventName: string; contestTitle: string; status: 'open' | 'locked' | 'published'; criteria: Criterion[] };
  entry: { id: number; memberName: string; enterpriseName: string | null; marks: { criterionIndex: number; value: number }[] };
  onSaved: () => void;
}

function Sheet({ event, entry, onSaved }: SheetProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<number, number | null>>(() => Object.fromEntries(entry.marks.map((m) => [m.criterionIndex, m.value])));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editable = event.status === 'open';
  const total = expected(event.criteria, values);

  const submit = async () => {
    const missing = event.criteria.filter((_, i) => values[i] == null).length;
    if (missing) {
      setProblem(t('competitions.marking.missing', { count: missing }));
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      await unwrap(api.PUT('/api/skill-entries/{id}/marks', { params: { path: { id: entry.id } }, body: { marks: event.criteria.map((_, i) => ({ criterionIndex: i, value: values[i]! })) } }));
      Toast.show({ icon: 'success', content: t('competitions.marking.saved') });
      onSaved();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <section className="gh-card gh-card-flat">
        <h2 className="gh-section-title" style={{ marginBottom: 4 }}>
          {entry.memberName}
        </h2>
        <p className="gh-note" style={{ margin: 0 }}>
          {event.eventName} · {entry.enterpriseName ?? ''}
        </p>
        <p className="gh-note" style={{ margin: '4px 0 0' }}>
          {event.contestTitle}
        </p>
      </section>
      {!editable && <NoticeBar content={t('competitions.marking.readOnly')} color="alert" wrap />}
      <List mode="card">
        {event.criteria.map((c, i) => (
          <MarkItem
            key={i}
            name={c.name}
            description={c.kind === 'judgement' ? t('competitions.marking.judgement', { weight: c.weight }) : t('competitions.marking.measurement', { max: c.maxMarks, weight: c.weight })}
            max={c.maxMarks}
            disabled={!editable}
            value={values[i] ?? null}
            onChange={(v) => setValues((p) => ({ ...p, [i]: v }))}
          />
        ))}
      </List>
      <ScoreFooter
        totalLabel={t('competitions.marking.total')}
        total={total}
        note={t('competitions.marking.totalNote')}
        problem={problem}
        editable={editable}
        saving={saving}
        submitLabel={t('competitions.marking.submit')}
        onSubmit={submit}
      />
    </>
  );
}
