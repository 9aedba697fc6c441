import { sql } from 'kysely';
import type { z } from 'zod';
import { inSubtree, requireOrgInScope } from '../../platform/access.ts';
import type { Caller, Deps } from '../../platform/context.ts';
import { RANKING_SIZE, shanghaiYear } from './rules.ts';
import { readableEntries } from './policy.ts';
import type { rankingQuery } from './schema.ts';

/**
 * The yearly ranking of a scope (爱心榜): members by the love points they earned in the year (spends
 * do not lower a rank), with their service hours. Counted over the org the entry was made in.
 */
export async function ranking(deps: Deps, caller: Caller, query: z.infer<typeof rankingQuery>) {
  const year = query.year ?? shanghaiYear(caller.actor.now);
  if (query.orgId) await requireOrgInScope(deps.db, caller.scope, query.orgId);
  let q = deps.db
    .selectFrom('love_point_entries')
    .innerJoin('members', 'members.id', 'love_point_entries.member_id')
    .innerJoin('orgs', 'orgs.id', 'members.org_id')
    .select(['members.id as member_id', 'members.name', 'orgs.name as org_name'])
    .select((eb) => eb.fn.sum<number | string>('love_point_entries.points').as('points'))
    .select(sql<number | string>`(select coalesce(sum(h.hours), 0) from service_hours h where h.member_id = members.id and h.year = ${year})`.as('hours'))
    .where('love_point_entries.year', '=', year)
    .where('love_point_entries.points', '>', 0)
    .where(readableEntries(caller.scope));
  if (query.orgId) q = q.where(inSubtree('love_point_entries.org_id', query.orgId));
  const rows = await q.groupBy(['members.id', 'members.name', 'orgs.name']).orderBy('points', 'desc').orderBy('members.id').limit(RANKING_SIZE).execute();
  return {
    year,
    items: rows.map((r, i) => ({ rank: i + 1, memberId: r.member_id, name: r.name, orgName: r.org_name, points: Number(r.points), hours: Number(r.hours) })),
  };
}
