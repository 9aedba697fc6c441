import { sql } from 'kysely';
import { shanghaiYear, today } from '../../platform/dates.ts';
import { overviewSection } from '../../platform/overview.ts';
import { contestsOverviewView } from './schema.ts';

/**
 * The data screen's contests section: this year's contests (by the day submissions open) published
 * over the org's subtree, and the entries they received. One grouped query from the year's contests
 * (few), each probing the closure's primary key, their entries off `(contest_id, status)`.
 */
export const contestsOverview = overviewSection({
  permission: 'activity.read',
  schema: contestsOverviewView,
  async read(deps, orgId) {
    const year = Number(today(deps).slice(0, 4));
    const { from, to } = shanghaiYear(year);
    const row = await deps.db
      .selectFrom('contests as c')
      .innerJoin('org_closure', 'org_closure.descendant_id', 'c.org_id')
      .leftJoin('contest_entries as e', 'e.contest_id', 'c.id')
      .select([
        sql<number>`count(distinct c.id)`.as('contests'),
        sql<number>`count(e.id)`.as('entries'),
        sql<number>`sum(case when e.status = 'approved' then 1 else 0 end)`.as('approved'),
      ])
      .where('org_closure.ancestor_id', '=', orgId)
      .where('c.status', '=', 'published')
      .where('c.submit_opens_at', '>=', from)
      .where('c.submit_opens_at', '<', to)
      .executeTakeFirstOrThrow();
    return { year, contests: Number(row.contests), entries: Number(row.entries), approvedEntries: Number(row.approved ?? 0) };
  },
});
