import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';
import { competitionsTilesEn, competitionsTilesZh } from './tiles';

/** 技能竞赛: entering skill contests, one's entries and results; judges mark on the phone. */
export const competitionsModule = portalModule({
  tiles: [{ key: 'competition', path: '/competitions', label: 'home.service.competition', icon: icons.competition }],
  routes: [
    { path: 'competitions', page: lazyPage(() => import('./competitions-page'), 'CompetitionsPage') },
    { path: 'competitions/judging', page: lazyPage(() => import('./judging-page'), 'JudgingPage') },
    { path: 'competitions/judging/:eventId/:entryId', page: lazyPage(() => import('./marking-page'), 'MarkingPage') },
  ],
  messages: { zh: { tiles: competitionsTilesZh }, en: { tiles: competitionsTilesEn } },
});
