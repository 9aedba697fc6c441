import { overviewSection } from '../../platform/overview.ts';
import { rightsStats } from './schema.ts';
import { rightsStatsOf } from './cases.ts';

/** The data screen's rights section: the module's own statistics over the org's subtree (GET /api/orgs/{id}/rights-stats). */
export const rightsOverview = overviewSection({
  permission: 'rights.read',
  schema: rightsStats,
  read: (deps, orgId) => rightsStatsOf(deps, orgId),
});
