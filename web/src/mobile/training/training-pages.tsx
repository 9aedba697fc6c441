import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button, Dialog, List, NavBar, ProgressBar, Tabs, Tag, Toast } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { formatTime } from '../../ui/format-time';
import { EmptyState, PageStates } from '../shared/page-states';
import { useLoad } from '../shared/use-load';
import './texts';

type Tab = 'open' | 'mine' | 'record';
const paths: Record<Tab, string> = { open: '/training', mine: '/training/mine', record: '/training/record' };

/** The pages' frame: the title bar and the three tabs. */
function Frame({ tab, children }: { tab: Tab; children: ReactNode }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="gh-subpage">
      <NavBar onBack={() => navigate('/')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('training.title')}</h1>
      </NavBar>
      <Tabs activeKey={tab} onChange={(key) => navigate(paths[key as Tab])} style={{ background: '#fff' }}>
        {(['open', 'mine', 'record'] as const).map((k) => (
          <Tabs.Tab key={k} title={t(`training.tabs.${k}`)} />
        ))}
      </Tabs>
      {children}
    </div>
  );
}

const fail = (error: unknown) => Toast.show({ icon: 'fail', content: (error as Error).message });

/** 可报名: the courses of my union's chain still open, enrolled with one tap (confirmed, or waitlisted when full). */
export function OpenCoursesPage() {
  const { t } = useTranslation();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/courses/open')), []);
  const enrol = async (id: number) => {
    try {
      const r = await unwrap(api.POST('/api/courses/{id}/enrolments', { params: { path: { id } } }));
      Toast.show({ icon: r.status === 'confirmed' ? 'success' : undefined, content: t(`training.${r.status}`) });
    } catch (error) {
      fail(error);
    }
    await reload();
  };
  return (
    <Frame tab="open">
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('training.empty')} />}
      {data && data.items.length > 0 && (
        <List className="gh-card-flat" mode="card" header={t('training.intro')}>
          {data.items.map((c) => (
            <List.Item
              key={c.id}
              data-testid="course"
              description={
                <>
                  <div>{c.orgName}</div>
                  {c.sessionList.map((s) => (
                    <div key={s.id}>
                      {formatTime(s.startsAt)} · {s.place}
                    </div>
                  ))}
                  <div>
                    {c.sessions > 0 ? t('training.places', { confirmed: c.confirmed, capacity: c.capacity }) : t('training.online')}
                    {c.lessons > 0 && ` · ${t('training.lessons', { n: c.lessons })}`}
                  </div>
                </>
              }
              extra={
                c.mine ? (
                  <Tag color={c.mine === 'confirmed' ? 'success' : 'warning'}>{t(`training.status.${c.mine}`)}</Tag>
                ) : (
                  <Button size="small" color="primary" onClick={() => enrol(c.id)}>
                    {t('training.enrol')}
                  </Button>
                )
              }
            >
              {c.title}
            </List.Item>
          ))}
        </List>
      )}
    </Frame>
  );
}

/** 我的培训: my courses with the sessions (my check-in codes) and the online lessons, whose progress I mark. */
export function MyCoursesPage() {
  const { t } = useTranslation();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/training/mine')), []);
  const progress = async (id: number, percent: number) => {
    try {
      await unwrap(api.PUT('/api/lessons/{id}/progress', { params: { path: { id } }, body: { percent } }));
    } catch (error) {
      fail(error);
    }
    await reload();
  };
  const cancel = async (id: number) => {
    if (!(await Dialog.confirm({ content: t('training.cancelConfirm') }))) return;
    try {
      await unwrap(api.DELETE('/api/courses/{id}/enrolments/mine', { params: { path: { id } } }));
      Toast.show({ content: t('training.cancelled') });
    } catch (error) {
      fail(error);
    }
    await reload();
  };
  return (
    <Frame tab="mine">
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && data.items.length === 0 && <EmptyState title={t('training.mineEmpty')} />}
      {data?.items.map((c) => (
        <List
          key={c.enrolmentId}
          className="gh-card-flat"
          mode="card"
          data-testid="my-course"
          header={
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
              <strong style={{ color: '#333', fontSize: 16 }}>{c.title}</strong>
              <Tag color={c.completed ? 'success' : c.status === 'confirmed' ? 'primary' : 'warning'}>{c.completed ? t('training.completed') : t(`training.status.${c.status}`)}</Tag>
            </div>
          }
        >
          <List.Item description={c.orgName}>{t('training.hours', { hours: c.hours, total: c.totalHours })}</List.Item>
          {c.sessions.map((s) => (
            <List.Item
              key={`s${s.id}`}
              description={`${formatTime(s.startsAt)} · ${s.place}`}
              extra={s.attended ? <Tag color="success">{t('training.attended')}</Tag> : s.code && <span style={{ fontFamily: 'monospace' }}>{t('training.code')} {s.code}</span>}
            >
              {t('training.session')} · {s.hours}h
            </List.Item>
          ))}
          {c.lessons.map((l) => (
            <List.Item
              key={`l${l.id}`}
              data-testid="lesson"
              description={
                <div>
                  <ProgressBar percent={l.percent} style={{ '--track-width': '4px', margin: '4px 0' }} />
                  {l.finished ? t('training.finished') : t('training.progress', { percent: l.percent })}
                  {l.videoUrl && (
                    <a href={l.videoUrl} target="_blank" rel="noreferrer" style={{ marginLeft: 8 }} onClick={() => c.status === 'confirmed' && l.percent < 50 && progress(l.id, 50)}>
                      {t('training.watch')}
                    </a>
                  )}
                  {l.fileUrl && c.status === 'confirmed' && (
                    <a href={l.fileUrl} target="_blank" rel="noreferrer" style={{ marginLeft: 8 }} onClick={() => l.percent < 50 && progress(l.id, 50)}>
                      {t('training.openFile')}
                    </a>
                  )}
                </div>
              }
              extra={
                !l.finished &&
                c.status === 'confirmed' &&
                !c.completedAt && (
                  <Button size="mini" onClick={() => progress(l.id, 100)}>
                    {t('training.markDone')}
                  </Button>
                )
              }
            >
              {l.title} · {l.hours}h
            </List.Item>
          ))}
          {!c.completedAt && (
            <List.Item>
              <Button size="small" fill="none" onClick={() => cancel(c.courseId)}>
                {t('training.cancel')}
              </Button>
            </List.Item>
          )}
        </List>
      ))}
    </Frame>
  );
}

/** 培训档案: my hours over all courses and my certificates. */
export function TrainingRecordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/training/mine')), []);
  const confirmed = data?.items.filter((c) => c.status === 'confirmed') ?? [];
  const total = Math.round(confirmed.reduce((n, c) => n + c.hours, 0) * 10) / 10;
  return (
    <Frame tab="record">
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && confirmed.length === 0 && <EmptyState title={t('training.recordEmpty')} />}
      {data && confirmed.length > 0 && (
        <>
          <div style={{ display: 'flex', justifyContent: 'space-around', background: '#fff', margin: 12, padding: 16, borderRadius: 8 }}>
            {[
              [t('training.totalHours'), total],
              [t('training.courses'), confirmed.length],
              [t('training.certificates'), confirmed.filter((c) => c.completed).length],
            ].map(([label, value]) => (
              <div key={label} style={{ textAlign: 'center' }}>
                <div style={{ fontSize: 24, fontWeight: 600, color: '#c8161d' }}>{value}</div>
                <div style={{ color: '#666' }}>{label}</div>
              </div>
            ))}
          </div>
          <List className="gh-card-flat" mode="card">
            {confirmed.map((c) => (
              <List.Item
                key={c.enrolmentId}
                data-testid="record"
                description={`${c.orgName} · ${t('training.hours', { hours: c.hours, total: c.totalHours })}`}
                extra={
                  c.completed ? (
                    <Button size="mini" color="primary" onClick={() => navigate(`/training/certificate/${c.enrolmentId}`)}>
                      {t('training.certificate')}
                    </Button>
                  ) : (
                    <Tag>{c.completedAt ? t('training.notCompleted') : t(`training.status.${c.status}`)}</Tag>
                  )
                }
              >
                {c.title}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Frame>
  );
}

/** A printable certificate of completion. */
export function CertificatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const { data, failure, reload } = useLoad(() => unwrap(api.GET('/api/training/mine')), []);
  const c = data?.items.find((x) => x.enrolmentId === Number(id) && x.completed);
  return (
    <div className="gh-subpage">
      <NavBar className="gh-no-print" onBack={() => navigate('/training/record')} style={{ background: '#fff' }}>
        <h1 style={{ fontSize: 'inherit', margin: 0, fontWeight: 'inherit' }}>{t('training.certificate')}</h1>
      </NavBar>
      <PageStates loading={data === undefined} failure={failure} onRetry={reload} />
      {data && !c && <EmptyState title={t('training.recordEmpty')} />}
      {c && (
        <>
          <div data-testid="certificate" style={{ background: '#fffaf0', margin: 12, padding: '32px 20px', border: '6px double #c8161d', borderRadius: 4, textAlign: 'center', lineHeight: 1.9 }}>
            <div style={{ fontSize: 26, fontWeight: 700, color: '#c8161d', letterSpacing: 6, marginBottom: 16 }}>{t('training.certTitle')}</div>
            <p style={{ textAlign: 'left', textIndent: '2em', fontSize: 16, margin: 0 }}>{t('training.certBody', { name: c.memberName, org: c.orgName, course: c.title, hours: c.hours })}</p>
            <div style={{ textAlign: 'right', marginTop: 24 }}>
              <div>{c.orgName}</div>
              <div>{t('training.certDate', { date: (c.completedAt ?? '').slice(0, 10) })}</div>
            </div>
            <div style={{ marginTop: 16, color: '#666', fontSize: 13 }}>{t('training.certNo', { no: c.certificateNo })}</div>
          </div>
          <div className="gh-no-print" style={{ padding: '0 12px' }}>
            <Button block color="primary" onClick={() => window.print()}>
              {t('training.print')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
