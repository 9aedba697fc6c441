import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { hardshipEn, hardshipMenuEn, hardshipMenuZh, hardshipZh } from './messages';

/** 困难帮扶: the register of households in hardship with computed tiers, re-checks, and the aid ledger with campaign budgets. */
export const hardshipModule = consoleModule({
  menu: [
    { key: 'hardshipFiles', path: '/hardship/files', needs: 'hardship.read', group: 'memberServices', label: 'layout.menu.hardshipFiles' },
    { key: 'hardshipAids', path: '/hardship/aids', needs: 'hardship.read', group: 'memberServices', label: 'layout.menu.hardshipAids' },
  ],
  routes: [
    { path: 'hardship/files', page: lazyPage(() => import('./files-page'), 'FilesPage') },
    { path: 'hardship/aids', page: lazyPage(() => import('./aids-page'), 'AidsPage') },
  ],
  messages: {
    zh: { menu: hardshipMenuZh, todos: { hardship_rechecks: '困难职工档案待年度复核' }, hardship: hardshipZh },
    en: { menu: hardshipMenuEn, todos: { hardship_rechecks: 'Hardship files due for their yearly re-check' }, hardship: hardshipEn },
  },
});
