import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';
import { honoursTilesEn, honoursTilesZh } from './tiles';

/** 工匠评审: a judge marks the candidates of the craftsman selections they judge, on the phone. */
export const honoursModule = portalModule({
  tiles: [{ key: 'craftsmanMarking', path: '/craftsman-marking', label: 'home.service.craftsmanMarking', icon: icons.judging, shows: (me) => me.grants.some((g) => g.role === 'judge') }],
  routes: [{ path: 'craftsman-marking', page: lazyPage(() => import('./marking-page'), 'MarkingPage') }],
  messages: { zh: { tiles: honoursTilesZh }, en: { tiles: honoursTilesEn } },
});
