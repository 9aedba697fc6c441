import { overviewSection } from '../../platform/overview.ts';
import { trainingOverviewView } from './schema.ts';
import { trainingFigures } from './training.ts';

/** The data screen's training section over an org's subtree: courses, confirmed enrolments, completions, hours. */
export const trainingOverview = overviewSection({
  permission: 'training.read',
  schema: trainingOverviewView,
  async read(deps, orgId) {
    const f = await trainingFigures(deps.db, orgId, deps.clock().toISOString());
    return { courses: f.courses, enrolments: f.enrolments, completed: f.completed, hours: f.hours };
  },
});
