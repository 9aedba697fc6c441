import { defineModule } from '../../platform/module.ts';
import { onCheckIn } from '../activities/index.ts';
import { texts } from './messages.ts';
import { trainingRoutes } from './routes.ts';
import { trainingOverview } from './overview.ts';
import { countToComplete, recordAttendance } from './training.ts';
import { training } from './migrations/0032-training.ts';
import { lessonFiles } from './migrations/0033-lesson-files.ts';

// a check-in at a course's session records the enrolment's attendance, in the check-in's transaction
onCheckIn(recordAttendance);

const permissions = {
  /** courses in scope with enrolments, attendance and figures */
  'training.read': ['cadre', 'viewer'],
  'training.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Training (职工培训): courses with sessions and online lessons, enrolment with a waiting list, attendance by check-in, hours and certificates. */
export const trainingModule = defineModule({
  name: 'training',
  routes: trainingRoutes,
  texts,
  permissions,
  migrations: { '0032-training': training, '0033-lesson-files': lessonFiles },
  todos: {
    courses_to_complete: {
      permission: 'training.write',
      link: '/training?status=running',
      async count(deps, scope) {
        return { count: await countToComplete(deps, scope), overdue: 0 };
      },
    },
  },
  overview: { training: trainingOverview },
});
