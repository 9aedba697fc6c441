import { overviewSection } from '../../platform/overview.ts';
import { ratingStats } from './schema.ts';
import { ratingStats as read } from './ratings.ts';

/** The data screen's ratings section: the same figures as GET /api/orgs/{id}/rating-stats. */
export const ratingsOverview = overviewSection({
  permission: 'rating.read',
  schema: ratingStats,
  read: (deps, orgId) => read(deps, orgId),
});
