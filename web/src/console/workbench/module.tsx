import { HomeOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { workbenchEn, workbenchMenuEn, workbenchMenuZh, workbenchZh } from './messages';

/** 工作台: the console's home — what waits for the cadre, their latest notices, the key figures of their scope. */
export const workbenchModule = consoleModule({
  menu: [{ key: 'workbench', path: '/workbench', label: 'layout.menu.workbench', icon: <HomeOutlined /> }],
  routes: [{ path: 'workbench', page: lazyPage(() => import('./workbench-page'), 'WorkbenchPage') }],
  messages: {
    zh: { menu: workbenchMenuZh, workbench: workbenchZh },
    en: { menu: workbenchMenuEn, workbench: workbenchEn },
  },
});
