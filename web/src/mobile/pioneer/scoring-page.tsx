import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { List, NavBar, NoticeBar, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { MarkItem, ScoreFooter } from '../shared/marking';
import { dimensions, type Assignment } from './types';
import '../members/members.css';
import './pioneer.css';
import './texts';

/** One assignment's sheet: every criterion of the candidate's standard, by dimension, with its points. */
export function ScoringPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().assignmentId);
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/pioneer/my-assignments')), []);
  const assignment = data?.items.find((a) => a.id === id);
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/judging')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('pioneer.judging.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && !assignment && <EmptyState title={t('pioneer.judging.empty')} />}
      {assignment && <Sheet key={assignment.id} assignment={assignment} onSaved={() => navigate('/judging')} />}
    </div>
  );
}

/** The judge's total out of 100 as the server computes it: per dimension, share of points times weight. */
function expectedTotal(a: Assignment, points: Record<number, number | null>): number | null {
  let total = 0;
  for (const d of dimensions) {
    const own = a.criteria.filter((c) => c.dimension === d);
    if (own.length === 0) continue;
    if (own.some((c) => points[c.id] == null)) return null;
    const given = own.reduce((s, c) => s + (points[c.id] ?? 0), 0);
    total += (given / own.reduce((s, c) => s + c.maxPoints, 0)) * a.weights[d];
  }
  return Math.round(total * 100) / 100;
}

function Sheet({ assignment: a, onSaved }: { assignment: Assignment; onSaved: () => void }) {
  const { t } = useTranslation();
  const [points, setPoints] = useState<Record<number, number | null>>(() => Object.fromEntries(a.marks.map((m) => [m.criterionId, m.points])));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editable = a.campaignStatus === 'scoring';
  const total = expectedTotal(a, points);

  const submit = async () => {
    const missing = a.criteria.filter((c) => points[c.id] == null);
    if (missing.length) {
      setProblem(t('pioneer.scoring.missing', { count: missing.length, items: missing.map((c) => c.title).join('、') }));
      return;
    }
    setProblem(null);
    setSaving(true);
    try {
      await unwrap(
        api.PUT('/api/pioneer/my-assignments/{id}/scores', {
          params: { path: { id: a.id } },
          body: { scores: a.criteria.map((c) => ({ criterionId: c.id, points: points[c.id]! })) },
        }),
      );
      Toast.show({ icon: 'success', content: t('pioneer.scoring.saved') });
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
          {a.teamName}
        </h2>
        <p className="gh-note" style={{ margin: 0 }}>
          {a.enterpriseName} · {t(`pioneerType.${a.type}`)}
        </p>
        <p className="gh-note" style={{ margin: '4px 0 0' }}>
          {a.campaignName} · {t('pioneer.judging.deadline', { date: a.scoringDeadline })}
        </p>
        <h3 className="gh-score-subtitle">{t('pioneer.scoring.summary')}</h3>
        <p className="gh-score-summary">{a.selfSummary ?? t('pioneer.scoring.noSummary')}</p>
        <h3 className="gh-score-subtitle">{t('pioneer.scoring.evidence')}</h3>
        {a.evidence.length === 0 ? (
          <p className="gh-note">{t('pioneer.scoring.noEvidence')}</p>
        ) : (
          <ul className="gh-score-evidence">
            {a.evidence.map((e) => (
              <li key={e.id}>
                <a href={`/api/pioneer/evidence/${e.id}`}>{e.fileName}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      {!editable && <NoticeBar content={t('pioneer.scoring.readOnly')} color="alert" wrap />}
      {dimensions.map((d) => {
        const criteria = a.criteria.filter((c) => c.dimension === d);
        if (criteria.length === 0) return null;
        return (
          <List
            key={d}
            mode="card"
            header={
              <span className="gh-score-dimension">
                {t(`dimension.${d}`)} <small>{t('pioneer.scoring.weight', { weight: a.weights[d] })}</small>
              </span>
            }
          >
            {criteria.map((c) => (
              <MarkItem
                key={c.id}
                name={c.title}
                description={
                  <>
                    {c.description && <div>{c.description}</div>}
                    <div>{t('pioneer.scoring.maxPoints', { points: c.maxPoints })}</div>
                  </>
                }
                max={c.maxPoints}
                disabled={!editable}
                value={points[c.id] ?? null}
                onChange={(v) => setPoints((p) => ({ ...p, [c.id]: v }))}
              />
            ))}
          </List>
        );
      })}
      <ScoreFooter
        totalLabel={t('pioneer.scoring.total')}
        total={total}
        note={t('pioneer.scoring.totalNote')}
        problem={problem}
        editable={editable}
        saving={saving}
        submitLabel={t('pioneer.scoring.submit')}
        onSubmit={submit}
      />
    </>
  );
}
