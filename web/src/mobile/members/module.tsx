import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';
import { membersTilesEn, membersTilesZh } from './tiles';

/** 入会: signing up, applying to join, claiming a membership, the member card and transfers, and checking others' cards. */
export const membersModule = portalModule({
  tiles: [
    // A member is not offered the join form.
    { key: 'join', path: '/join', label: 'home.service.join', icon: icons.join, shows: (me) => me.member === null },
    { key: 'card', path: '/card', label: 'home.service.card', icon: icons.card, guest: true },
    // Cadres and the card verifiers of partner merchants and venues.
    { key: 'verify', path: '/verify', label: 'home.service.verify', icon: icons.verify, shows: (me) => me.grants.some((g) => g.permissions.includes('card.verify')) },
  ],
  home: [
    { key: 'card', order: 10, audience: 'user', section: lazyPage(() => import('./card-section'), 'CardSection') },
    { key: 'directory', order: 70, audience: 'guest', section: lazyPage(() => import('./directory-section'), 'DirectorySection') },
  ],
  routes: [
    { path: 'signup', page: lazyPage(() => import('./signup-page'), 'SignupPage'), public: true },
    { path: 'join', page: lazyPage(() => import('./join-page'), 'JoinPage') },
    { path: 'claim', page: lazyPage(() => import('./claim-page'), 'ClaimPage') },
    { path: 'card', page: lazyPage(() => import('./card-page'), 'CardPage') },
    { path: 'verify', page: lazyPage(() => import('./verify-page'), 'VerifyPage') },
  ],
  messages: { zh: { tiles: membersTilesZh }, en: { tiles: membersTilesEn } },
});
