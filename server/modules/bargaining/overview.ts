import { sql } from 'kysely';
import { overviewSection } from '../../platform/overview.ts';
import { today } from '../../platform/dates.ts';
import { bargainingOverviewView } from './schema.ts';

/**
 * The data screen's bargaining section over an org's subtree: rounds, agreements in force, the
 * enterprises they cover, and rounds still at the table. Counts off the rounds' org index; a
 * county has tens of rounds a year.
 */
export const bargainingOverview = overviewSection({
  permission: 'bargaining.read',
  schema: bargainingOverviewView,
  async read(deps, orgId) {
    const day = today(deps);
    const subtree = sql<boolean>`bargaining_rounds.org_id in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
    const inForce = sql<boolean>`bargaining_rounds.status in ('filed', 'effective') and bargaining_rounds.effective_on <= ${day} and bargaining_rounds.expires_on >= ${day}`;
    const [all, force, covered] = await Promise.all([
      deps.db
        .selectFrom('bargaining_rounds')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when status in ('proposed', 'negotiating', 'adopted', 'signed') then 1 else 0 end)`.as('open')])
        .where(subtree)
        .executeTakeFirstOrThrow(),
      deps.db.selectFrom('bargaining_rounds').select((eb) => eb.fn.countAll<number>().as('n')).where(subtree).where(inForce).executeTakeFirstOrThrow(),
      deps.db
        .selectFrom('bargaining_enterprises')
        .innerJoin('bargaining_rounds', 'bargaining_rounds.id', 'bargaining_enterprises.round_id')
        .select(sql<number>`count(distinct bargaining_enterprises.enterprise_id)`.as('n'))
        .where(subtree)
        .where(inForce)
        .executeTakeFirstOrThrow(),
    ]);
    return { rounds: Number(all.n), inForce: Number(force.n), enterprisesCovered: Number(covered.n), negotiating: Number(all.open ?? 0) };
  },
});
