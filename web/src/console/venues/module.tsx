import { HomeOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { venuesEn, venuesMenuEn, venuesMenuZh, venuesZh } from './messages';

/** 阵地预约: venues (职工之家, 职工书屋, 活动室, 母婴室), their week's schedule, bookings, usage and export. */
export const venuesModule = consoleModule({
  menu: [{ key: 'venues', path: '/venues', needs: 'venue.read', label: 'layout.menu.venues', icon: <HomeOutlined /> }],
  routes: [{ path: 'venues', page: lazyPage(() => import('./venues-page'), 'VenuesPage') }],
  messages: {
    zh: { menu: venuesMenuZh, venues: venuesZh },
    en: { menu: venuesMenuEn, venues: venuesEn },
  },
});
