import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { competitionsEn, competitionsMenuEn, competitionsMenuZh, competitionsTodosEn, competitionsTodosZh, competitionsZh } from './messages';

/** 技能竞赛: contests with their events, judges, marks, results and award certificates. */
export const competitionsModule = consoleModule({
  menu: [{ key: 'competitions', path: '/competitions', needs: 'competition.read', group: 'skills', label: 'layout.menu.competitions' }],
  routes: [
    { path: 'competitions', page: lazyPage(() => import('./contests-page'), 'ContestsPage') },
    { path: 'competitions/:contestId', page: lazyPage(() => import('./contest-page'), 'ContestPage') },
    { path: 'competitions/entries/:entryId/certificate', page: lazyPage(() => import('./certificate-page'), 'CertificatePage') },
  ],
  messages: {
    zh: { menu: competitionsMenuZh, todos: competitionsTodosZh, competitions: competitionsZh },
    en: { menu: competitionsMenuEn, todos: competitionsTodosEn, competitions: competitionsEn },
  },
});
