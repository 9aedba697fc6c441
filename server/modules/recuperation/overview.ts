import { sql } from 'kysely';
import { overviewSection } from '../../platform/overview.ts';
import { today } from '../../platform/dates.ts';
import { recuperationOverviewView } from './schema.ts';

/**
 * The data screen's recuperation section over an org's subtree: this year's batches offered by
 * providers in it and their places, its members approved this year, and the agreements in force
 * that one of its federations signed. Counts off the org indexes; a county has tens of batches.
 */
export const recuperationOverview = overviewSection({
  permission: 'recuperation.read',
  schema: recuperationOverviewView,
  async read(deps, orgId) {
    const subtree = (col: string) => sql<boolean>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
    const day = today(deps);
    const year = Number(day.slice(0, 4));
    const [batches, approved, agreements] = await Promise.all([
      deps.db
        .selectFrom('recuperation_batches')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`coalesce(sum(places), 0)`.as('places')])
        .where('starts_on', '>=', `${year}-01-01`)
        .where('starts_on', '<=', `${year}-12-31`)
        .where(subtree('recuperation_batches.org_id'))
        .executeTakeFirstOrThrow(),
      deps.db.selectFrom('recuperation_applications').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'approved').where('trip_year', '=', year).where(subtree('recuperation_applications.org_id')).executeTakeFirstOrThrow(),
      deps.db
        .selectFrom('cooperation_agreements')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('signed_on', '<=', day)
        .where('valid_until', '>=', day)
        .where((eb) => eb.or([subtree('cooperation_agreements.org_id'), subtree('cooperation_agreements.partner_org_id')]))
        .executeTakeFirstOrThrow(),
    ]);
    return { batches: Number(batches.n), places: Number(batches.places), approved: Number(approved.n), agreements: Number(agreements.n) };
  },
});
