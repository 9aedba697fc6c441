import { TeamOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { usersEn, usersMenuEn, usersMenuZh, usersZh } from './messages';

/** 用户与授权: accounts and their role grants. */
export const usersModule = consoleModule({
  menu: [{ key: 'users', path: '/users', needs: 'user.read', label: 'layout.menu.users', icon: <TeamOutlined /> }],
  routes: [{ path: 'users', page: lazyPage(() => import('./users-page'), 'UsersPage') }],
  messages: {
    zh: { menu: usersMenuZh, users: usersZh },
    en: { menu: usersMenuEn, users: usersEn },
  },
});
