import { overviewSection } from '../../platform/overview.ts';
import { hardshipStats } from './schema.ts';
import { hardshipStatsOf } from './files.ts';

/** The data screen's hardship section: the module's own statistics (GET /api/orgs/{id}/hardship-stats). */
export const hardshipOverview = overviewSection({
  permission: 'hardship.read',
  schema: hardshipStats,
  read: (deps, orgId) => hardshipStatsOf(deps, orgId),
});
