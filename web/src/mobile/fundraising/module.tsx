import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';

/** 爱心捐赠: every fundraiser's public ledger, open to anyone. Page texts load with the pages (texts.ts). */
export const fundraisingModule = portalModule({
  tiles: [{ key: 'fundraisers', path: '/fundraisers', label: 'home.service.fundraisers', icon: icons.aid, guest: true }],
  routes: [
    { path: 'fundraisers', page: lazyPage(() => import('./fundraisers-page'), 'FundraisersPage'), public: true },
    { path: 'fundraisers/:id', page: lazyPage(() => import('./ledger-page'), 'LedgerPage'), public: true },
  ],
  messages: { zh: { tiles: { fundraisers: '爱心捐赠' } }, en: { tiles: { fundraisers: 'Donations' } } },
});
