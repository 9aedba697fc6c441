import { useNavigate } from 'react-router';
import { Button, Dialog, List, NavBar, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import { useSession } from '../session';
import '../members/members.css';
import './texts';

/** 技能竞赛: contests open for entries (enter an event), my entries with their results, and a judge's marking. */
export function CompetitionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { me } = useSession();
  const open = useLoad(() => unwrap(api.GET('/api/skill-contests/open')), []);
  const mine = useLoad(() => unwrap(api.GET('/api/skill-entries/mine')), []);
  const judge = me?.grants.some((g) => g.role === 'judge');

  const enter = async (contestId: number, eventId: number, event: string) => {
    if (!(await Dialog.confirm({ content: t('competitions.enterConfirm', { event }) }))) return;
    try {
      await unwrap(api.POST('/api/skill-contests/{id}/entries', { params: { path: { id: contestId } }, body: { eventId } }));
      Toast.show({ icon: 'success', content: t('competitions.enteredToast') });
      await Promise.all([open.reload(), mine.reload()]);
    } catch (error) {
      Dialog.alert({ content: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('competitions.title')}</h1>
      </NavBar>
      {judge && (
        <List mode="card">
          <List.Item onClick={() => navigate('/competitions/judging')}>{t('competitions.judging.link')}</List.Item>
        </List>
      )}
      <PageStates loading={open.data === undefined} failure={open.failure} onRetry={open.reload} />
      {open.data && open.data.items.length === 0 && <EmptyState title={t('competitions.noOpen')} />}
      {open.data?.items.map((c) => (
        <List
          key={c.id}
          mode="card"
          header={
            <span>
              <strong>{c.title}</strong>
              <br />
              <small>
                {c.orgName} · {t('competitions.closes', { time: formatTime(c.registrationClosesAt) })}
              </small>
            </span>
          }
        >
          {c.events.map((e) => (
            <List.Item
              key={e.id}
              description={e.maxAge ? t('competitions.maxAge', { age: e.maxAge }) : undefined}
              extra={
                e.entered ? (
                  <Tag color="success">{t('competitions.entered')}</Tag>
                ) : (
                  <Button size="small" color="primary" onClick={() => enter(c.id, e.id, e.name)}>
                    {t('competitions.enter')}
                  </Button>
                )
              }
            >
              {e.name}
            </List.Item>
          ))}
        </List>
      ))}
      <List mode="card" header={t('competitions.mine')}>
        {mine.data?.items.length === 0 && <List.Item>{t('competitions.noEntries')}</List.Item>}
        {mine.data?.items.map((e) => (
          <List.Item
            key={e.id}
            description={e.contestTitle}
            extra={e.award ? <Tag color="danger">{t(`competitions.award.${e.award}`)}</Tag> : <Tag fill="outline">{t(`competitions.status.${e.status}`)}</Tag>}
          >
            {e.eventName}
            <div className="gh-note">{e.score !== null ? t('competitions.result', { score: e.score.toFixed(2), rank: e.rank }) : t('competitions.awaiting')}</div>
          </List.Item>
        ))}
      </List>
    </div>
  );
}
