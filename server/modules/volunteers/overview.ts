import { sql } from 'kysely';
import { overviewSection } from '../../platform/overview.ts';
import { shanghaiYear } from './rules.ts';
import { volunteersOverviewView } from './schema.ts';

/** The data screen's volunteers section over an org's subtree: volunteers, this year's service hours, love points earned and spent this year. */
export const volunteersOverview = overviewSection({
  permission: 'volunteer.read',
  schema: volunteersOverviewView,
  async read(deps, orgId) {
    const subtree = (col: string) => sql<boolean>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
    const year = shanghaiYear(deps.clock().toISOString());
    const [v, h, p] = await Promise.all([
      deps.db.selectFrom('volunteers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').where(subtree('volunteers.org_id')).executeTakeFirstOrThrow(),
      deps.db.selectFrom('service_hours').select(sql<number>`coalesce(sum(hours), 0)`.as('h')).where('year', '=', year).where(subtree('service_hours.org_id')).executeTakeFirstOrThrow(),
      deps.db
        .selectFrom('love_point_entries')
        .select([sql<number>`coalesce(sum(case when points > 0 then points else 0 end), 0)`.as('earned'), sql<number>`coalesce(sum(case when points < 0 then -points else 0 end), 0)`.as('spent')])
        .where('year', '=', year)
        .where(subtree('love_point_entries.org_id'))
        .executeTakeFirstOrThrow(),
    ]);
    return { volunteers: Number(v.n), serviceHoursThisYear: Number(h.h), pointsEarnedThisYear: Number(p.earned), pointsSpentThisYear: Number(p.spent) };
  },
});
