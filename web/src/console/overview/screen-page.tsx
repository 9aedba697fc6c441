import { useEffect, useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Spin } from 'antd';
import { api, unwrap } from '../../api/client';
import { formatSeconds } from '../../ui/time';
import { CountBars, ShareRing } from '../shared/charts';
import { consoleTheme } from '../theme';
import './screen.css';

const load = (orgId: number) => unwrap(api.GET('/api/orgs/{id}/overview', { params: { path: { id: orgId } } }));
type Overview = Awaited<ReturnType<typeof load>>;
type Figures = Overview['figures'];

/** The stage is drawn at 1920×1080 and scaled to the window, whatever its size. */
const STAGE = { width: 1920, height: 1080 };
const REFRESH_MS = 60_000;
const levels = ['national', 'province', 'city', 'county'] as const;
const GOLD = '#ffc53d';
const CYAN = '#36cfc9';
const RED = '#ff4d4f';

function useStageScale(): number {
  const fit = () => Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height);
  const [scale, setScale] = useState(fit);
  useEffect(() => {
    const onResize = () => setScale(fit());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return scale;
}

/** 数据大屏: one org's figures on a dark 1920×1080 wall, refreshed every minute. */
export function ScreenPage() {
  const { t } = useTranslation();
  const orgId = Number(useParams().orgId);
  const scale = useStageScale();
  const overview = useQuery({ queryKey: ['overview', orgId], queryFn: () => load(orgId), refetchInterval: REFRESH_MS, refetchIntervalInBackground: true });
  const data = overview.data;
  return (
    <div className="screen-backdrop">
      <div
        className="screen-stage"
        style={{ width: STAGE.width, height: STAGE.height, transform: `translate(-50%, -50%) scale(${scale})`, fontFamily: consoleTheme.token?.fontFamily }}
      >
        <header className="screen-header">
          <div className="screen-header-side">{t('screen.everyMinute')}</div>
          <h1>{data ? t('screen.title', { org: data.orgName }) : t('screen.open')}</h1>
          <div className="screen-header-side screen-updated" data-testid="screen-updated">
            {data && t('screen.updatedAt', { time: formatSeconds(data.generatedAt) })}
            {overview.isRefetchError && <div className="screen-stale">{t('screen.stale')}</div>}
          </div>
        </header>
        {data ? <Wall figures={data.figures} /> : <div className="screen-wait">{overview.isError ? `${t('screen.loadFailed')}: ${overview.error.message}` : <Spin size="large" />}</div>}
      </div>
    </div>
  );
}

function Wall({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const { members, pioneer, activities, contests, competitions, honours, rights, hardship, recuperation, bargaining, ratings, fundraising, benefits } = figures;
  const hasServices = rights || hardship || recuperation || bargaining || ratings || fundraising || benefits;
  return (
    <>
      <section className="screen-kpis">
        {members && (
          <>
            <Kpi figure="members.total" label={t('screen.kpi.members')} value={members.total} unit={t('screen.unit.people')} />
            <Kpi figure="members.joinedThisYear" label={t('screen.kpi.joinedThisYear')} value={members.joinedThisYear} unit={t('screen.unit.people')} />
            <Kpi figure="members.coverage.unionizationRate" label={t('screen.kpi.unionizationRate')} value={members.coverage.unionizationRate} unit="%" />
            <Kpi figure="members.coverage.membershipRate" label={t('screen.kpi.membershipRate')} value={members.coverage.membershipRate} unit="%" />
          </>
        )}
        {pioneer && <Kpi figure="pioneer.activeTitles" label={t('screen.kpi.pioneerTitles')} value={pioneer.activeTitles} unit={t('screen.unit.titles')} />}
        {activities && <Kpi figure="activities.activities" label={t('screen.kpi.activities')} value={activities.activities} unit={t('screen.unit.activities')} />}
      </section>
      <section className="screen-panels">
        {members && (
          <Panel title={t('screen.panel.growth')} area="growth">
            <CountBars tone="wall" color={GOLD} showValues categories={members.growth.map((g) => g.month.slice(2).replace('-', '/'))} values={members.growth.map((g) => g.joined)} name={t('screen.joined')} />
          </Panel>
        )}
        {members && (
          <Panel title={t('screen.panel.topChildren')} area="children">
            {members.topChildren.length ? (
              <CountBars tone="wall" color={CYAN} horizontal showValues categories={members.topChildren.map((c) => c.name)} values={members.topChildren.map((c) => c.members)} name={t('screen.members')} />
            ) : (
              <Empty />
            )}
          </Panel>
        )}
        {members && (
          <Panel title={t('screen.panel.coverage')} area="coverage">
            <div className="screen-panel-note">
              {t('screen.coverage.detail', { enterprises: members.coverage.enterprises.toLocaleString(), unions: members.coverage.unions.toLocaleString(), employees: members.coverage.employees.toLocaleString() })}
            </div>
            <div className="screen-chart-fill">
              <ShareRing
                tone="wall"
                slices={[
                  { name: t('screen.coverage.withUnion'), value: members.coverage.enterprisesWithUnion, color: GOLD },
                  { name: t('screen.coverage.needingUnion'), value: members.coverage.enterprisesNeedingUnion, color: RED },
                  {
                    name: t('screen.coverage.notYetDue'),
                    value: members.coverage.enterprises - members.coverage.enterprisesWithUnion - members.coverage.enterprisesNeedingUnion,
                    color: '#597ef7',
                  },
                ]}
              />
            </div>
          </Panel>
        )}
        {activities && (
          <Panel title={t('screen.panel.participation')} area="participation">
            <div className={competitions ? 'screen-participation screen-participation-dense' : 'screen-participation'}>
              <Big figure="activities.confirmed" label={t('screen.participation.confirmed')} value={activities.confirmed} />
              <Big figure="activities.checkedIn" label={t('screen.participation.checkedIn')} value={activities.checkedIn} />
              <Big figure="activities.participationRate" label={t('screen.participation.rate')} value={activities.participationRate} unit="%" />
              {contests && (
                <>
                  <Big figure="contests.contests" label={t('screen.participation.contests')} value={contests.contests} />
                  <Big figure="contests.entries" label={t('screen.participation.entries')} value={contests.entries} />
                  <Big figure="contests.approvedEntries" label={t('screen.participation.approvedEntries')} value={contests.approvedEntries} />
                </>
              )}
              {competitions && (
                <>
                  <Big figure="competitions.contests" label={t('screen.participation.skillContests')} value={competitions.contests} />
                  <Big figure="competitions.entries" label={t('screen.participation.skillEntries')} value={competitions.entries} />
                  <Big figure="competitions.winners" label={t('screen.participation.skillWinners')} value={competitions.winners} />
                </>
              )}
            </div>
          </Panel>
        )}
        {pioneer && (
          <Panel title={t('screen.panel.pioneer')} area="pioneer">
            {honours && (
              <div className="screen-panel-note" data-figure="honours">
                {t('screen.honours', { modelWorkers: honours.modelWorkers, craftsmen: honours.craftsmen, studios: honours.studios })}
              </div>
            )}
            <div className="screen-chart-fill">
              <CountBars tone="wall" color={RED} showValues categories={levels.map((l) => t(`pioneer.level.${l}`))} values={levels.map((l) => pioneer.byLevel[l])} name={t('screen.titles')} />
            </div>
          </Panel>
        )}
        {activities && (
          <Panel title={t('screen.panel.activityKinds')} area="kinds">
            {Object.keys(activities.byKind).length ? (
              <CountBars
                tone="wall"
                color={GOLD}
                horizontal
                showValues
                categories={Object.keys(activities.byKind).map((k) => t(`activityKind.${k}`))}
                values={Object.values(activities.byKind)}
                name={t('screen.activities')}
              />
            ) : (
              <Empty />
            )}
          </Panel>
        )}
        {hasServices && (
          <Panel title={t('screen.services.title')} area="services">
            <div className="screen-services">
              {rights && <Big figure="rights.total" label={t('screen.services.rightsCases')} value={rights.total} unit={t('screen.unit.cases')} />}
              {rights && <Big figure="rights.recoveredFen" label={t('screen.services.recovered')} value={yuan(rights.recoveredFen)} unit={t('screen.unit.tenThousandYuan')} />}
              {hardship && <Big figure="hardship.files" label={t('screen.services.hardshipFiles')} value={hardship.files} unit={t('screen.unit.households')} />}
              {hardship && <Big figure="hardship.aidFen" label={t('screen.services.aid')} value={yuan(hardship.aidFen)} unit={t('screen.unit.tenThousandYuan')} />}
              {recuperation && <Big figure="recuperation.approved" label={t('screen.services.recuperation')} value={recuperation.approved} />}
              {bargaining && <Big figure="bargaining.inForce" label={t('screen.services.agreements')} value={bargaining.inForce} />}
              {bargaining && <Big figure="bargaining.enterprisesCovered" label={t('screen.services.enterprisesCovered')} value={bargaining.enterprisesCovered} />}
              {ratings && <Big figure="ratings.byStars.5" label={t('screen.services.fiveStars')} value={ratings.byStars['5']} />}
              {fundraising && <Big figure="fundraising.raisedFen" label={t('screen.services.raised')} value={yuan(fundraising.raisedFen)} unit={t('screen.unit.tenThousandYuan')} />}
              {benefits && <Big figure="benefits.claims" label={t('screen.services.benefitClaims')} value={benefits.claims} />}
            </div>
          </Panel>
        )}
      </section>
    </>
  );
}

/** Fen as 万元 with two decimals, as a wall shows money. */
const yuan = (fen: number) => Math.round(fen / 100) / 10_000;

const shown = (value: number | null) => (value === null ? '—' : value.toLocaleString());

/** A headline figure; `data-figure` names the answer's field it shows (read by the browser journey). */
function Kpi({ figure, label, value, unit }: { figure: string; label: string; value: number | null; unit: string }) {
  return (
    <div className="screen-kpi" data-figure={figure}>
      <div className="screen-kpi-label">{label}</div>
      <div className="screen-kpi-value">
        <span data-value>{shown(value)}</span>
        {value !== null && unit && <small>{unit}</small>}
      </div>
    </div>
  );
}

function Big({ figure, label, value, unit }: { figure: string; label: string; value: number | null; unit?: string }) {
  return (
    <div className="screen-big" data-figure={figure}>
      <div className="screen-big-value">
        <span data-value>{shown(value)}</span>
        {value !== null && unit && <small>{unit}</small>}
      </div>
      <div className="screen-kpi-label">{label}</div>
    </div>
  );
}

function Panel({ title, area, children }: { title: string; area: string; children: ReactNode }) {
  return (
    <div className="screen-panel" style={{ gridArea: area }} role="region" aria-label={title}>
      <h2>{title}</h2>
      <div className="screen-panel-body">{children}</div>
    </div>
  );
}

function Empty() {
  const { t } = useTranslation();
  return <div className="screen-empty">{t('screen.none')}</div>;
}
