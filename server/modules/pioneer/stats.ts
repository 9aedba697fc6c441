import type { Expression, SqlBool } from 'kysely';
import type { Caller, Deps } from '../../platform/context.ts';
import { inSubtree, requireOrgInScope, subtreeScope } from '../../platform/access.ts';
import { levels, pioneerTypes, type Level, type PioneerType } from './rules.ts';
import { readableCampaigns, readableCandidates, readableTitles } from './policy.ts';
import { overviewSection } from '../../platform/overview.ts';
import * as s from './schema.ts';

/** Active (not revoked) titles `t` the filter keeps, by level and by type: one grouped query. */
async function titleCounts(deps: Deps, titles: Expression<SqlBool>) {
  const rows = await deps.db
    .selectFrom('pioneer_titles as t')
    .select(['t.level', 't.type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.status', '=', 'active')
    .where(titles)
    .groupBy(['t.level', 't.type'])
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

/** The data screen's pioneer section: the subtree's active titles by level and type, as pioneerStats. */
export const pioneerOverview = overviewSection({
  permission: 'pioneer.read',
  schema: s.pioneerStats,
  read: (deps, orgId) => titleCounts(deps, inSubtree('t.org_id', orgId)),
});

export async function pioneerStats(deps: Deps, caller: Caller, orgId: number) {
  await requireOrgInScope(deps.db, caller.scope, orgId);
  return titleCounts(deps, inSubtree('t.org_id', orgId));
}

/**
 * The dashboard over the caller's scope (or one org's subtree in it): titles by level and type,
 * and per campaign the candidates, teams and workers taking part from inside that subtree.
 */
export async function dashboard(deps: Deps, caller: Caller, orgId: number | undefined) {
  if (orgId !== undefined) await requireOrgInScope(deps.db, caller.scope, orgId);
  // Narrowed to one org, the reader is that org's subtree, and its candidates are those of unions inside it.
  const reader = orgId !== undefined ? { scope: subtreeScope(orgId) } : caller;
  const candidates = orgId !== undefined ? inSubtree('cand.org_id', orgId) : readableCandidates(caller);
  const campaigns = await deps.db
    .selectFrom('pioneer_campaigns as camp')
    .select(['camp.id', 'camp.name', 'camp.year', 'camp.status'])
    .where(readableCampaigns(reader))
    .orderBy('camp.year', 'desc')
    .orderBy('camp.id', 'desc')
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
        .where(candidates)
        .groupBy('cand.campaign_id')
        .execute()
    : [];
  return {
    ...(await titleCounts(deps, readableTitles(reader))),
    campaigns: campaigns.map((c) => {
      const t = taking.find((r) => r.campaign_id === c.id);
      return { id: c.id, name: c.name, year: c.year, status: c.status, candidates: Number(t?.candidates ?? 0), teams: Number(t?.teams ?? 0), workers: Number(t?.workers ?? 0), named: Number(t?.named ?? 0) };
    }),
  };
}
