import type { Caller, Deps } from '../../platform/context.ts';
import { inScope, requireOrgInScope, type Scope } from '../../platform/access.ts';
import { levels, pioneerTypes, type Level, type PioneerType } from './rules.ts';
import { campaignVisible, candidateVisible } from './service.ts';

/** Active (not revoked) titles over a subtree, by level and by type: one grouped query. */
async function titleCounts(deps: Deps, scope: Scope) {
  const rows = await deps.db
    .selectFrom('pioneer_titles')
    .select(['level', 'type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'active')
    .where(inScope('pioneer_titles.org_id', scope))
    .groupBy(['level', 'type'])
    .execute();
  const byLevel = Object.fromEntries(levels.map((l) => [l, 0])) as Record<Level, number>;
  const byType = Object.fromEntries(pioneerTypes.map((t) => [t, 0])) as Record<PioneerType, number>;
  let activeTitles = 0;
  for (const r of rows) {
    byLevel[r.level] += Number(r.n);
    byType[r.type] += Number(r.n);
    activeTitles += Number(r.n);
  }
  return { byLevel, byType, activeTitles };
}

export async function pioneerStats(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  return titleCounts(deps, { all: false, roots: [orgId] });
}

/**
 * The dashboard over the caller's scope (or one org's subtree in it): titles by level and type,
 * and per campaign the candidates, teams and workers taking part from inside that subtree.
 */
export async function dashboard(deps: Deps, caller: Caller, orgId: number | undefined) {
  if (orgId !== undefined) await requireOrgInScope(deps.db, caller.scope, orgId);
  const scope: Scope = orgId !== undefined ? { all: false, roots: [orgId] } : caller.scope;
  const campaigns = await deps.db
    .selectFrom('pioneer_campaigns')
    .select(['id', 'name', 'year', 'status'])
    .where(campaignVisible('pioneer_campaigns.org_id', scope))
    .orderBy('year', 'desc')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const ids = campaigns.map((c) => c.id);
  const taking = ids.length
    ? await deps.db
        .selectFrom('pioneer_candidates as cand')
        .innerJoin('pioneer_campaigns as camp', 'camp.id', 'cand.campaign_id')
        .select([
          'cand.campaign_id',
          (eb) => eb.fn.countAll<number>().as('candidates'),
          (eb) => eb.fn.count<number>('cand.team_id').distinct().as('teams'),
          (eb) => eb.fn.sum<number>('cand.worker_count').as('workers'),
          (eb) => eb.fn.sum<number>(eb.case().when('cand.status', '=', 'named').then(1).else(0).end()).as('named'),
        ])
        .where('cand.campaign_id', 'in', ids)
        .where('cand.status', '!=', 'withdrawn')
        .where(orgId !== undefined ? inScope('cand.org_id', scope) : candidateVisible(scope))
        .groupBy('cand.campaign_id')
        .execute()
    : [];
  return {
    ...(await titleCounts(deps, scope)),
    campaigns: campaigns.map((c) => {
      const t = taking.find((r) => r.campaign_id === c.id);
      return { id: c.id, name: c.name, year: c.year, status: c.status, candidates: Number(t?.candidates ?? 0), teams: Number(t?.teams ?? 0), workers: Number(t?.workers ?? 0), named: Number(t?.named ?? 0) };
    }),
  };
}
