import { sql } from 'kysely';
import { overviewSection } from '../../platform/overview.ts';
import { wishesOverviewView } from './schema.ts';

/** The data screen's micro-wishes section over an org's subtree: wishes posted (approved onto the wall), claimed, come true. */
export const wishesOverview = overviewSection({
  permission: 'wish.read',
  schema: wishesOverviewView,
  async read(deps, orgId) {
    const r = await deps.db
      .selectFrom('wishes')
      .select([
        sql<number>`coalesce(sum(case when status in ('open', 'claimed', 'fulfilled', 'confirmed') then 1 else 0 end), 0)`.as('posted'),
        sql<number>`coalesce(sum(case when status in ('claimed', 'fulfilled', 'confirmed') then 1 else 0 end), 0)`.as('claimed'),
        sql<number>`coalesce(sum(case when status = 'confirmed' then 1 else 0 end), 0)`.as('fulfilled'),
      ])
      .where(sql<boolean>`wishes.org_id in (select descendant_id from org_closure where ancestor_id = ${orgId})`)
      .executeTakeFirstOrThrow();
    return { posted: Number(r.posted), claimed: Number(r.claimed), fulfilled: Number(r.fulfilled) };
  },
});
