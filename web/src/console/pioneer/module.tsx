import { TrophyOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { pioneerEn, pioneerMenuEn, pioneerMenuZh, pioneerZh } from './messages';

/** 工人先锋号: campaigns from registration to naming, and the titles they produce. */
export const pioneerModule = consoleModule({
  groups: [{ key: 'pioneer', label: 'layout.menu.pioneer', icon: <TrophyOutlined /> }],
  menu: [
    { key: 'pioneerDashboard', path: '/pioneer/dashboard', needs: 'pioneer.read', group: 'pioneer', label: 'layout.menu.pioneerDashboard' },
    { key: 'campaigns', path: '/pioneer/campaigns', needs: 'pioneer.read', group: 'pioneer', label: 'layout.menu.campaigns' },
    { key: 'titles', path: '/pioneer/titles', needs: 'pioneer.read', group: 'pioneer', label: 'layout.menu.titles' },
  ],
  routes: [
    { path: 'pioneer/dashboard', page: lazyPage(() => import('./dashboard-page'), 'DashboardPage') },
    { path: 'pioneer/campaigns', page: lazyPage(() => import('./campaigns-page'), 'CampaignsPage') },
    { path: 'pioneer/campaigns/:campaignId', page: lazyPage(() => import('./campaign-page'), 'CampaignPage') },
    { path: 'pioneer/titles', page: lazyPage(() => import('./titles-page'), 'TitlesPage') },
    { path: 'pioneer/titles/:titleId', page: lazyPage(() => import('./title-page'), 'TitlePage') },
    { path: 'pioneer/titles/:titleId/certificate', page: lazyPage(() => import('./certificate-page'), 'CertificatePage') },
    { path: 'pioneer/publicity/:campaignId', page: lazyPage(() => import('./publicity-page'), 'PublicityPage'), bare: true },
  ],
  messages: {
    zh: { menu: pioneerMenuZh, todos: { pioneer_missing_marks: '评委未打分', pioneer_objections: '待处理的公示异议', pioneer_my_marks: '我的待评审' }, pioneer: pioneerZh },
    en: { menu: pioneerMenuEn, todos: { pioneer_missing_marks: 'Judges’ sheets not yet marked', pioneer_objections: 'Objections to resolve', pioneer_my_marks: 'My sheets to mark' }, pioneer: pioneerEn },
  },
});
