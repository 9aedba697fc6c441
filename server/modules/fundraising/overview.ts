import { sql } from 'kysely';
import { overviewSection } from '../../platform/overview.ts';
import { fundraisingOverviewView } from './schema.ts';

/** The data screen's fundraising section over an org's subtree: fundraisers, money raised and spent, donations. */
export const fundraisingOverview = overviewSection({
  permission: 'fundraiser.read',
  schema: fundraisingOverviewView,
  async read(deps, orgId) {
    const subtree = (col: string) => sql<boolean>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
    const [f, d] = await Promise.all([
      deps.db
        .selectFrom('fundraisers')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(raised_fen), 0)`.as('raised'), sql<number>`coalesce(sum(spent_fen), 0)`.as('spent')])
        .where(subtree('fundraisers.org_id'))
        .executeTakeFirstOrThrow(),
      deps.db.selectFrom('fundraiser_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'donation').where(subtree('fundraiser_entries.org_id')).executeTakeFirstOrThrow(),
    ]);
    return { fundraisers: Number(f.n), raisedFen: Number(f.raised), spentFen: Number(f.spent), donations: Number(d.n) };
  },
});
