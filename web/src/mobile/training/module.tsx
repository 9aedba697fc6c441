import { lazyPage } from '../../ui/lazy-page';
import { icons } from '../icons';
import { portalModule } from '../portal-module';
import { trainingTilesEn, trainingTilesZh } from './tiles';

/** 职工培训: a member enrols in the courses of their union's chain, studies the online lessons, and keeps their record with hours and certificates. */
export const trainingModule = portalModule({
  tiles: [{ key: 'training', path: '/training', label: 'home.service.training', icon: icons.training, shows: (me) => me.member !== null }],
  routes: [
    { path: 'training', page: lazyPage(() => import('./training-pages'), 'OpenCoursesPage') },
    { path: 'training/mine', page: lazyPage(() => import('./training-pages'), 'MyCoursesPage') },
    { path: 'training/record', page: lazyPage(() => import('./training-pages'), 'TrainingRecordPage') },
    { path: 'training/certificate/:id', page: lazyPage(() => import('./training-pages'), 'CertificatePage') },
  ],
  messages: { zh: { tiles: trainingTilesZh }, en: { tiles: trainingTilesEn } },
});
