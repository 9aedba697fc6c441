import { CrownOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { honoursEn, honoursMenuEn, honoursMenuZh, honoursZh } from './messages';

/** 劳模工匠: model workers with their verification and allowance ledger, innovation studios, craftsman selections. */
export const honoursModule = consoleModule({
  groups: [{ key: 'honours', label: 'layout.menu.honours', icon: <CrownOutlined /> }],
  menu: [
    { key: 'modelWorkers', path: '/honours/model-workers', needs: 'honour.read', group: 'honours', label: 'layout.menu.modelWorkers' },
    { key: 'studios', path: '/honours/studios', needs: 'honour.read', group: 'honours', label: 'layout.menu.studios' },
    { key: 'selections', path: '/honours/selections', needs: 'honour.read', group: 'honours', label: 'layout.menu.selections' },
  ],
  routes: [
    { path: 'honours/model-workers', page: lazyPage(() => import('./model-workers-page'), 'ModelWorkersPage') },
    { path: 'honours/studios', page: lazyPage(() => import('./studios-page'), 'StudiosPage') },
    { path: 'honours/selections', page: lazyPage(() => import('./selections-page'), 'SelectionsPage') },
  ],
  messages: {
    zh: { menu: honoursMenuZh, todos: { model_workers_unverified: '劳模待年度核查（核查后方可发放津贴）', craftsman_objections: '工匠评选待处理的异议' }, honours: honoursZh },
    en: { menu: honoursMenuEn, todos: { model_workers_unverified: 'Model workers to verify before the allowance run', craftsman_objections: 'Objections in craftsman selections' }, honours: honoursEn },
  },
});
