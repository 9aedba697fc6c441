import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';

/**
 * 集体协商 on the phone: covered workers elect representatives, answer the survey and read the
 * adopted agreement. Only the tile's label is in the first load; the page brings its own texts.
 */
export const bargainingModule = portalModule({
  tiles: [{ key: 'bargaining', path: '/bargaining', label: 'home.service.bargaining', icon: icons.vote, shows: (me) => me.member !== null }],
  routes: [{ path: 'bargaining', page: lazyPage(() => import('./bargaining-page'), 'BargainingPage') }],
  messages: { zh: { tiles: { bargaining: '集体协商' } }, en: { tiles: { bargaining: 'Bargaining' } } },
});
