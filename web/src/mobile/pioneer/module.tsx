import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';
import { pioneerTilesEn, pioneerTilesZh } from './tiles';

/** 评审打分: a judge's assignments in 工人先锋号 campaigns, and scoring them. */
export const pioneerModule = portalModule({
  tiles: [{ key: 'judging', path: '/judging', label: 'home.service.judging', icon: icons.judging, shows: (me) => me.grants.some((g) => g.role === 'judge') }],
  routes: [
    { path: 'judging', page: lazyPage(() => import('./assignments-page'), 'AssignmentsPage') },
    { path: 'judging/:assignmentId', page: lazyPage(() => import('./scoring-page'), 'ScoringPage') },
  ],
  messages: { zh: { tiles: pioneerTilesZh }, en: { tiles: pioneerTilesEn } },
});
