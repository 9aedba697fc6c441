import { sql } from 'kysely';
import { overviewSection } from '../../platform/overview.ts';
import { honoursOverviewView } from './schema.ts';
import { honourLevels } from './rules.ts';

/**
 * The data screen's honours section over an org's subtree: active model workers by level, valid
 * craftsman titles, innovation studios and their savings. Each a count through the closure table
 * off the tables' org indexes; the numbers are small (a county has tens of them).
 */
export const honoursOverview = overviewSection({
  permission: 'honour.read',
  schema: honoursOverviewView,
  async read(deps, orgId) {
    const subtree = (col: string) => sql<boolean>`${sql.ref(col)} in (select descendant_id from org_closure where ancestor_id = ${orgId})`;
    const [levels, craftsmen, studios] = await Promise.all([
      deps.db.selectFrom('model_workers').select(['level', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'active').where(subtree('model_workers.org_id')).groupBy('level').execute(),
      deps.db.selectFrom('craftsmen').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'valid').where(subtree('craftsmen.org_id')).executeTakeFirstOrThrow(),
      deps.db
        .selectFrom('innovation_studios')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`(select coalesce(sum(a.savings_fen), 0) from studio_achievements a where a.studio_id in (select s.id from innovation_studios s where ${subtree('s.org_id')}))`.as('savings')])
        .where(subtree('innovation_studios.org_id'))
        .executeTakeFirstOrThrow(),
    ]);
    const byLevel = Object.fromEntries(honourLevels.map((l) => [l, Number(levels.find((r) => r.level === l)?.n ?? 0)])) as Record<(typeof honourLevels)[number], number>;
    return {
      modelWorkers: Object.values(byLevel).reduce((a, b) => a + b, 0),
      modelWorkersByLevel: byLevel,
      craftsmen: Number(craftsmen.n),
      studios: Number(studios.n),
      studioSavingsFen: Number(studios.savings),
    };
  },
});
