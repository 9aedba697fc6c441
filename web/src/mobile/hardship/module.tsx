import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';

/** 困难帮扶: a member sees their household's file (tier, re-check) and the aid it received. Page texts load with the page. */
export const hardshipModule = portalModule({
  tiles: [{ key: 'hardship', path: '/hardship', label: 'home.service.hardship', icon: icons.aid }],
  routes: [{ path: 'hardship', page: lazyPage(() => import('./hardship-page'), 'HardshipPage') }],
  messages: {
    zh: { tiles: { hardship: '困难帮扶' } },
    en: { tiles: { hardship: 'Hardship aid' } },
  },
});
