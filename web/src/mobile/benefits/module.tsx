import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';

/** 福利: a member claims the benefits of their union and shows the code; a distributor redeems codes. Page texts load with the pages. */
export const benefitsModule = portalModule({
  tiles: [
    { key: 'benefits', path: '/benefits', label: 'home.service.benefits', icon: icons.wish, shows: (me) => me.member !== null },
    { key: 'benefitVerify', path: '/benefit-verify', label: 'home.service.benefitVerify', icon: icons.verify, shows: (me) => me.grants.some((g) => g.permissions.includes('benefit.redeem')) },
  ],
  routes: [
    { path: 'benefits', page: lazyPage(() => import('./benefits-page'), 'BenefitsPage') },
    { path: 'benefit-verify', page: lazyPage(() => import('./verify-page'), 'VerifyPage') },
  ],
  messages: { zh: { tiles: { benefits: '福利', benefitVerify: '福利核销' } }, en: { tiles: { benefits: 'Benefits', benefitVerify: 'Redeem benefits' } } },
});
