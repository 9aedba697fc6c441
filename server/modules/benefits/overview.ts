import { sql } from 'kysely';
import { overviewSection } from '../../platform/overview.ts';
import { benefitsOverviewView } from './schema.ts';

/** The data screen's benefits section over an org's subtree: benefits given, claims, redemptions. */
export const benefitsOverview = overviewSection({
  permission: 'benefit.read',
  schema: benefitsOverviewView,
  async read(deps, orgId) {
    const subtree = (col: string) => sql<boolean>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
    const [b, c] = await Promise.all([
      deps.db.selectFrom('benefits').select((eb) => eb.fn.countAll<number>().as('n')).where(subtree('benefits.org_id')).executeTakeFirstOrThrow(),
      deps.db
        .selectFrom('benefit_claims')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(case when redeemed_at is not null then 1 else 0 end), 0)`.as('r')])
        .where(subtree('benefit_claims.org_id'))
        .executeTakeFirstOrThrow(),
    ]);
    return { benefits: Number(b.n), claims: Number(c.n), redeemed: Number(c.r) };
  },
});
