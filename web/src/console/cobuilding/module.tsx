import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { cobuildingEn, cobuildingMenuEn, cobuildingMenuZh, cobuildingZh } from './messages';

/** 共建: partner units, the four lists with two-way claiming, and their figures. */
export const cobuildingModule = consoleModule({
  menu: [{ key: 'cobuilding', path: '/cobuilding', needs: 'cobuilding.read', group: 'community', label: 'layout.menu.cobuilding' }],
  routes: [{ path: 'cobuilding', page: lazyPage(() => import('./cobuilding-page'), 'CobuildingPage') }],
  messages: {
    zh: {
      menu: cobuildingMenuZh,
      todos: { cobuilding_to_claim: '共建单位发布、待工会认领的清单事项', cobuilding_to_finish: '工会已认领、待完成的清单事项', cobuilding_to_rate: '共建单位已完成、待工会评价的清单事项' },
      cobuilding: cobuildingZh,
    },
    en: {
      menu: cobuildingMenuEn,
      todos: { cobuilding_to_claim: 'Partners’ items for the union to claim', cobuilding_to_finish: 'Claimed items the union is to finish', cobuilding_to_rate: 'Items partners finished, to rate' },
      cobuilding: cobuildingEn,
    },
  },
});
