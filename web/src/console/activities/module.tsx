import { CalendarOutlined } from '@ant-design/icons';
import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { activitiesEn, activitiesMenuEn, activitiesMenuZh, activitiesZh, contestsEn, contestsZh } from './messages';

/** 活动比赛: activities with sign-up and check-in, their statistics, and photo/writing/video contests. */
export const activitiesModule = consoleModule({
  groups: [{ key: 'community', label: 'layout.menu.community', icon: <CalendarOutlined /> }],
  menu: [
    { key: 'activities', path: '/activities', needs: 'activity.read', group: 'community', label: 'layout.menu.activities' },
    { key: 'activityStats', path: '/activity-stats', needs: 'activity.read', group: 'community', label: 'layout.menu.activityStats' },
    { key: 'contests', path: '/contests', needs: 'activity.read', group: 'community', label: 'layout.menu.contests' },
  ],
  routes: [
    { path: 'activities', page: lazyPage(() => import('./activities-page'), 'ActivitiesPage') },
    { path: 'activity-stats', page: lazyPage(() => import('./stats-page'), 'ActivityStatsPage') },
    { path: 'contests', page: lazyPage(() => import('./contests-page'), 'ContestsPage') },
    { path: 'contests/:contestId', page: lazyPage(() => import('./contest-page'), 'ContestPage') },
    // Cadres check people in on their phones.
    { path: 'checkin/:activityId', page: lazyPage(() => import('./checkin-page'), 'CheckInPage'), bare: true },
  ],
  messages: {
    zh: { menu: activitiesMenuZh, todos: { contest_entries: '待审核的参赛作品' }, activities: activitiesZh, contests: contestsZh },
    en: { menu: activitiesMenuEn, todos: { contest_entries: 'Contest entries to moderate' }, activities: activitiesEn, contests: contestsEn },
  },
});
