import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';

/** 青年交友: after a youth social, a member picks up to three attendees privately and sees mutual matches. Page texts load with the pages. */
export const socialsModule = portalModule({
  tiles: [{ key: 'socials', path: '/socials', label: 'home.service.socials', icon: icons.activity, shows: (me) => me.member !== null }],
  routes: [
    { path: 'socials', page: lazyPage(() => import('./socials-page'), 'SocialsPage') },
    { path: 'socials/:id', page: lazyPage(() => import('./picks-page'), 'PicksPage') },
  ],
  messages: { zh: { tiles: { socials: '青年交友' } }, en: { tiles: { socials: 'Youth socials' } } },
});
