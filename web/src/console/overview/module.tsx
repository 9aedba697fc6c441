import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { screenEn, screenZh } from './messages';

/**
 * 数据大屏: a full-screen wall of one org's figures (GET /api/orgs/{id}/overview), outside the desk
 * layout; the workbench and the org page open it (ScreenButton).
 */
export const overviewModule = consoleModule({
  menu: [],
  routes: [{ path: 'screen/:orgId', page: lazyPage(() => import('./screen-page'), 'ScreenPage'), bare: true }],
  messages: {
    zh: { menu: {}, screen: screenZh },
    en: { menu: {}, screen: screenEn },
  },
});
