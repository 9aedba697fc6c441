import { StarOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { wishesEn, wishesMenuEn, wishesMenuZh, wishesZh } from './messages';

/** 微心愿: the moderation queue, the wall, claims, proofs and confirmations. */
export const wishesModule = consoleModule({
  menu: [{ key: 'wishes', path: '/wishes', needs: 'wish.read', label: 'layout.menu.wishes', icon: <StarOutlined /> }],
  routes: [{ path: 'wishes', page: lazyPage(() => import('./wishes-page'), 'WishesPage') }],
  messages: {
    zh: { menu: wishesMenuZh, todos: { wishes_to_moderate: '微心愿待审核', wishes_unconfirmed: '微心愿完成后许愿人超过 7 天未确认' }, wishes: wishesZh },
    en: { menu: wishesMenuEn, todos: { wishes_to_moderate: 'Micro-wishes to moderate', wishes_unconfirmed: 'Fulfilled wishes unconfirmed for over 7 days' }, wishes: wishesEn },
  },
});
