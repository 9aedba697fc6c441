import { SafetyOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { rightsEn, rightsMenuEn, rightsMenuZh, rightsZh } from './messages';

/** 维权: the union's queue of rights cases with deadlines, intake of walk-ins and 12351 calls, and each case's handling. */
export const rightsModule = consoleModule({
  groups: [{ key: 'memberServices', label: 'layout.menu.memberServices', icon: <SafetyOutlined /> }],
  menu: [{ key: 'rightsCases', path: '/rights/cases', needs: 'rights.read', group: 'memberServices', label: 'layout.menu.rightsCases' }],
  routes: [{ path: 'rights/cases', page: lazyPage(() => import('./cases-page'), 'CasesPage') }],
  messages: {
    zh: { menu: rightsMenuZh, todos: { rights_cases_open: '办理中的维权案件（含超时）', rights_my_cases: '指派给我的维权案件' }, rights: rightsZh },
    en: { menu: rightsMenuEn, todos: { rights_cases_open: 'Open rights cases (overdue counted)', rights_my_cases: 'Rights cases assigned to me' }, rights: rightsEn },
  },
});
