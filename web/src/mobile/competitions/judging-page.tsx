import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Button, Dialog, List, NavBar, Space, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import '../members/members.css';
import './texts';

type Results = { entryId: number; memberName: string; score: number; rank: number; award: 'first' | 'second' | 'third' | null }[];

/** 技能竞赛评分: the judge's events, each competitor's state; the chief judge locks the marks and publishes the results. */
export function JudgingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/skill-judging')), []);
  const [results, setResults] = useState<Record<number, Results>>({});

  const move = async (contestId: number, eventId: number, name: 'lock' | 'publish') => {
    if (!(await Dialog.confirm({ content: t(`competitions.judging.${name}Confirm`) }))) return;
    try {
      const path = { params: { path: { id: contestId, eventId } } };
      if (name === 'lock') await unwrap(api.POST('/api/skill-contests/{id}/events/{eventId}/lock', path));
      else {
        const published = await unwrap(api.POST('/api/skill-contests/{id}/events/{eventId}/publish', path));
        setResults((r) => ({ ...r, [eventId]: published.results }));
      }
      Toast.show({ icon: 'success', content: t(`competitions.judging.${name === 'lock' ? 'locked' : 'published'}`) });
      await reload();
    } catch (error) {
      Dialog.alert({ content: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/competitions')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('competitions.judging.title')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('competitions.judging.empty')} />}
      {data?.items.map((ev) => {
        const done = ev.entries.filter((e) => e.complete).length;
        const markable = ev.entries.filter((e) => !e.conflict).length;
        return (
          <List
            key={ev.eventId}
            mode="card"
            header={
              <span>
                <strong>{ev.eventName}</strong> {ev.chief && <Tag color="primary">{t('competitions.judging.chief')}</Tag>} <Tag fill="outline">{t(`competitions.status.${ev.status}`)}</Tag>
                <br />
                <small>
                  {ev.contestTitle} · {t('competitions.judging.progress', { done, total: markable })}
                </small>
              </span>
            }
          >
            {ev.entries.map((e) => (
              <List.Item
                key={e.id}
                description={e.conflict ? t('competitions.judging.conflictNote') : (e.enterpriseName ?? undefined)}
                onClick={e.conflict ? undefined : () => navigate(`/competitions/judging/${ev.eventId}/${e.id}`)}
                extra={
                  e.conflict ? <Tag fill="outline">{t('competitions.judging.conflict')}</Tag> : e.complete ? <Tag color="success">{t('competitions.judging.done')}</Tag> : <Tag color="danger">{t('competitions.judging.todo')}</Tag>
                }
              >
                {e.memberName}
              </List.Item>
            ))}
            {ev.actions.length > 0 && (
              <List.Item>
                <Space>
                  {ev.actions.map((a) => (
                    <Button key={a} color="primary" fill={a === 'lock' ? 'outline' : 'solid'} onClick={() => move(ev.contestId, ev.eventId, a)}>
                      {t(`competitions.judging.${a}`)}
                    </Button>
                  ))}
                </Space>
              </List.Item>
            )}
            {results[ev.eventId] && (
              <List.Item title={t('competitions.judging.results')}>
                {results[ev.eventId].map((r) => (
                  <div key={r.entryId}>
                    {r.rank}. {r.memberName} {r.score.toFixed(2)} {r.award ? t(`competitions.award.${r.award}`) : ''}
                  </div>
                ))}
              </List.Item>
            )}
          </List>
        );
      })}
    </div>
  );
}
