import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';

/** 阵地预约: a member books a time in a reading room (职工书屋) or nursing room of their union; page texts load with the page. */
export const venuesModule = portalModule({
  tiles: [{ key: 'venues', path: '/venues', label: 'home.service.venues', icon: icons.home, shows: (me) => me.member !== null }],
  routes: [{ path: 'venues', page: lazyPage(() => import('./venues-page'), 'VenuesPage') }],
  messages: { zh: { tiles: { venues: '阵地预约' } }, en: { tiles: { venues: 'Book a venue' } } },
});
