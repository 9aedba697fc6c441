import { sql } from 'kysely';
import { overviewSection } from '../../platform/overview.ts';
import { venuesOverviewView } from './schema.ts';
import { hoursOf } from './rules.ts';

/** The data screen's venues section over an org's subtree: venues, active bookings and their hours. */
export const venuesOverview = overviewSection({
  permission: 'venue.read',
  schema: venuesOverviewView,
  async read(deps, orgId) {
    const subtree = sql<boolean>`venues.org_id in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
    const [v, b] = await Promise.all([
      deps.db.selectFrom('venues').select((eb) => eb.fn.countAll<number>().as('n')).where(subtree).executeTakeFirstOrThrow(),
      deps.db.selectFrom('venue_bookings as b').innerJoin('venues', 'venues.id', 'b.venue_id').select(['b.starts_at', 'b.ends_at']).where(subtree).where('b.status', '=', 'active').execute(),
    ]);
    return { venues: Number(v.n), bookings: b.length, hours: Math.round(b.reduce((s, r) => s + hoursOf(r.starts_at, r.ends_at), 0) * 10) / 10 };
  },
});
