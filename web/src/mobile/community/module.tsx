import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';
import { communityTilesEn, communityTilesZh } from './tiles';

/** 微心愿 (the wish wall, claiming) and 志愿服务 (registration, hours, love points) for members. */
export const communityModule = portalModule({
  tiles: [
    { key: 'wishes', path: '/wishes', label: 'home.service.wishes', icon: icons.wish },
    { key: 'volunteer', path: '/volunteer', label: 'home.service.volunteer', icon: icons.volunteer },
  ],
  routes: [
    { path: 'wishes', page: lazyPage(() => import('./wishes-page'), 'WishesPage') },
    { path: 'volunteer', page: lazyPage(() => import('./volunteer-page'), 'VolunteerPage') },
  ],
  messages: { zh: { tiles: communityTilesZh }, en: { tiles: communityTilesEn } },
});
