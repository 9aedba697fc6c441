import { lazyPage } from '../../ui/lazy-page';
import { consoleModule } from '../shared/console-module';
import { trainingEn, trainingMenuEn, trainingMenuZh, trainingZh } from './messages';

/** 职工培训: courses with sessions and online lessons (files), enrolments with attendance and progress, completion and the attendance export. */
export const trainingModule = consoleModule({
  menu: [{ key: 'training', path: '/training', needs: 'training.read', group: 'community', label: 'layout.menu.training' }],
  routes: [{ path: 'training', page: lazyPage(() => import('./training-page'), 'TrainingPage') }],
  messages: {
    zh: { menu: trainingMenuZh, todos: { courses_to_complete: '待记录结业的培训' }, training: trainingZh },
    en: { menu: trainingMenuEn, todos: { courses_to_complete: 'Courses to record completion' }, training: trainingEn },
  },
});
