import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';
import { activitiesTilesEn, activitiesTilesZh } from './tiles';

/** 活动报名 and 投票评选: signing up for activities, and entering and voting in contests. */
export const activitiesModule = portalModule({
  tiles: [
    { key: 'activity', path: '/activities', label: 'home.service.activity', icon: icons.activity, guest: true },
    { key: 'vote', path: '/contests', label: 'home.service.vote', icon: icons.vote },
  ],
  home: [
    { key: 'registrations', order: 30, audience: 'user', section: lazyPage(() => import('./home-sections'), 'MyRegistrationsSection') },
    { key: 'activities', order: 50, section: lazyPage(() => import('./home-sections'), 'OpenActivitiesSection') },
    { key: 'contests', order: 60, audience: 'user', section: lazyPage(() => import('./home-sections'), 'OpenContestsSection') },
  ],
  routes: [
    { path: 'activities', page: lazyPage(() => import('./activities-page'), 'ActivitiesPage') },
    { path: 'activities/mine', page: lazyPage(() => import('./my-registrations-page'), 'MyRegistrationsPage') },
    { path: 'contests', page: lazyPage(() => import('./contests-page'), 'ContestsPage') },
    { path: 'contests/:contestId', page: lazyPage(() => import('./contest-page'), 'ContestPage') },
  ],
  messages: { zh: { tiles: activitiesTilesZh }, en: { tiles: activitiesTilesEn } },
});
