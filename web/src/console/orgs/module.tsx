import { ApartmentOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { enterprisesEn, enterprisesZh, orgsEn, orgsMenuEn, orgsMenuZh, orgsZh, teamsEn, teamsZh } from './messages';

/** 组织架构: the union tree, its enterprises and their teams. */
export const orgsModule = consoleModule({
  menu: [{ key: 'orgs', path: '/orgs', needs: 'org.read', label: 'layout.menu.orgs', icon: <ApartmentOutlined /> }],
  routes: [{ path: 'orgs/:orgId?', page: lazyPage(() => import('./orgs-page'), 'OrgsPage') }],
  messages: {
    zh: { menu: orgsMenuZh, orgs: orgsZh, enterprises: enterprisesZh, teams: teamsZh },
    en: { menu: orgsMenuEn, orgs: orgsEn, enterprises: enterprisesEn, teams: teamsEn },
  },
});
