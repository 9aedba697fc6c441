import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { recuperationEn, recuperationMenuEn, recuperationMenuZh, recuperationZh } from './messages';

/** 职工疗休养: products and batches, quotas down the tree, agreements with partner federations, applications. */
export const recuperationModule = consoleModule({
  menu: [{ key: 'recuperation', path: '/recuperation', needs: 'recuperation.read', group: 'community', label: 'layout.menu.recuperation' }],
  routes: [
    { path: 'recuperation', page: lazyPage(() => import('./recuperation-page'), 'RecuperationPage') },
    { path: 'recuperation/applications', page: lazyPage(() => import('./recuperation-page'), 'RecuperationPage') },
  ],
  messages: {
    zh: { menu: recuperationMenuZh, todos: { recuperation_applications: '待审核的疗休养报名' }, recuperation: recuperationZh },
    en: { menu: recuperationMenuEn, todos: { recuperation_applications: 'Recuperation applications to decide' }, recuperation: recuperationEn },
  },
});
