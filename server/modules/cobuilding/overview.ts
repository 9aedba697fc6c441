import { overviewSection } from '../../platform/overview.ts';
import { cobuildingStats } from './items.ts';
import { cobuildingOverviewView } from './schema.ts';

/** The data screen's co-building section over an org's subtree: partners, items per list, claimed, done, average rating. */
export const cobuildingOverview = overviewSection({
  permission: 'cobuilding.read',
  schema: cobuildingOverviewView,
  async read(deps, orgId) {
    const s = await cobuildingStats(deps.db, { all: false, roots: [orgId] }, orgId);
    const of = (list: string) => s.byList.find((l) => l.list === list)?.total ?? 0;
    return {
      partners: s.partners,
      need: of('need'),
      resource: of('resource'),
      project: of('project'),
      service: of('service'),
      claimed: s.byList.reduce((a, l) => a + l.claimed, 0),
      done: s.byList.reduce((a, l) => a + l.done, 0),
      averageRating: s.averageRating,
    };
  },
});
