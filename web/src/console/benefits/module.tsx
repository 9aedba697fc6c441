import { GiftOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { benefitsEn, benefitsMenuEn, benefitsMenuZh, benefitsZh } from './messages';

/** 普惠福利: benefits with stock, claim window and eligibility, and their claims and redemptions. */
export const benefitsModule = consoleModule({
  menu: [{ key: 'benefits', path: '/benefits', needs: 'benefit.read', label: 'layout.menu.benefits', icon: <GiftOutlined /> }],
  routes: [{ path: 'benefits', page: lazyPage(() => import('./benefits-page'), 'BenefitsPage') }],
  messages: {
    zh: { menu: benefitsMenuZh, benefits: benefitsZh },
    en: { menu: benefitsMenuEn, benefits: benefitsEn },
  },
});
