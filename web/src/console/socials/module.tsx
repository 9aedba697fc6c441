import { HeartOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { socialsEn, socialsMenuEn, socialsMenuZh, socialsZh } from './messages';

/** 青年交友: youth socials' places per gender, age range and the counts after the event. */
export const socialsModule = consoleModule({
  menu: [{ key: 'socials', path: '/socials', needs: 'social.read', label: 'layout.menu.socials', icon: <HeartOutlined /> }],
  routes: [{ path: 'socials', page: lazyPage(() => import('./socials-page'), 'SocialsPage') }],
  messages: {
    zh: { menu: socialsMenuZh, socials: socialsZh },
    en: { menu: socialsMenuEn, socials: socialsEn },
  },
});
