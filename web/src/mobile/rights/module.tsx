import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';

/**
 * 维权服务: a worker asks the union for help and follows their case; a lawyer or mediator handles
 * the cases assigned to them. Page texts load with the pages (texts.ts); only tile labels here.
 */
export const rightsModule = portalModule({
  tiles: [
    { key: 'rights', path: '/rights', label: 'home.service.rights', icon: icons.rights },
    { key: 'rightsAssigned', path: '/rights/assigned', label: 'home.service.rightsAssigned', icon: icons.rights, shows: (me) => me.grants.some((g) => g.role === 'legal_aid') },
  ],
  routes: [
    { path: 'rights', page: lazyPage(() => import('./rights-page'), 'RightsPage') },
    { path: 'rights/new', page: lazyPage(() => import('./new-case-page'), 'NewCasePage') },
    { path: 'rights/assigned', page: lazyPage(() => import('./assigned-page'), 'AssignedPage') },
    { path: 'rights/handle/:id', page: lazyPage(() => import('./assigned-page'), 'HandlePage') },
    { path: 'rights/:id', page: lazyPage(() => import('./case-page'), 'CasePage') },
  ],
  messages: {
    zh: { tiles: { rights: '维权服务', rightsAssigned: '承办案件' } },
    en: { tiles: { rights: 'Rights help', rightsAssigned: 'Assigned cases' } },
  },
});
