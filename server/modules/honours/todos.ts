import type { TodoDefinition } from '../../platform/todos.ts';
import { countUnverified } from './model-workers.ts';
import { countMyUnmarked, countOpenObjections } from './craftsmen.ts';

/**
 * What waits for a cadre in honours: model workers without this year's verification (they are
 * skipped by the month's allowance run until verified), and objections to craftsman candidates.
 */
export const honoursTodos: Record<string, TodoDefinition> = {
  model_workers_unverified: {
    permission: 'honour.write',
    link: '/honours/model-workers?unverified=true',
    async count(deps, scope) {
      return { count: await countUnverified(deps, scope), overdue: 0 };
    },
  },
  craftsman_my_marks: {
    permission: 'authenticated',
    link: '/m/craftsman-marking',
    async count(deps, _scope, user) {
      return { count: await countMyUnmarked(deps, user.id), overdue: 0 };
    },
  },
  craftsman_objections: {
    permission: 'honour.write',
    link: '/honours/selections',
    async count(deps, scope) {
      return { count: await countOpenObjections(deps, scope), overdue: 0 };
    },
  },
};
