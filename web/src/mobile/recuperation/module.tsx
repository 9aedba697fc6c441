import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';
import { recuperationTilesEn, recuperationTilesZh } from './tiles';

/** 疗休养: a member applies for a trip their union holds places of, and follows the decision. */
export const recuperationModule = portalModule({
  tiles: [{ key: 'recuperation', path: '/recuperation', label: 'home.service.recuperation', icon: icons.recuperation, shows: (me) => me.member !== null }],
  routes: [{ path: 'recuperation', page: lazyPage(() => import('./recuperation-page'), 'RecuperationPage') }],
  messages: { zh: { tiles: recuperationTilesZh }, en: { tiles: recuperationTilesEn } },
});
