import { defineModule } from '../../platform/module.ts';
import { overviewRoutes } from './routes.ts';

/**
 * The data screen (数据大屏): `GET /api/orgs/{id}/overview` answers, in one JSON, the sections every
 * module registers (`defineModule({ overview })`, platform/overview.ts) over an org's subtree.
 */
export const overviewModule = defineModule({ name: 'overview', routes: overviewRoutes });
