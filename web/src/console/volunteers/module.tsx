import { TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { volunteersEn, volunteersMenuEn, volunteersMenuZh, volunteersZh } from './messages';

/** 志愿服务 and 爱心积分: volunteers, teams, service hours, each member's ledger, the points shop, yearly rankings. */
export const volunteersModule = consoleModule({
  menu: [{ key: 'volunteers', path: '/volunteers', needs: 'volunteer.read', label: 'layout.menu.volunteers', icon: <TeamOutlined /> }],
  routes: [{ path: 'volunteers', page: lazyPage(() => import('./volunteers-page'), 'VolunteersPage') }],
  messages: {
    zh: { menu: volunteersMenuZh, todos: { shop_redemptions_to_deliver: '积分商城兑换待发放' }, volunteers: volunteersZh },
    en: { menu: volunteersMenuEn, todos: { shop_redemptions_to_deliver: 'Redeemed goods to hand out' }, volunteers: volunteersEn },
  },
});
