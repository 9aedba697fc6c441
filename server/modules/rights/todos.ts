import type { TodoDefinition } from '../../platform/todos.ts';
import { countAssigned, countOpen } from './cases.ts';

/** What waits in rights: the open cases of a union's scope (overdue ones counted apart), and a lawyer's assigned cases. */
export const rightsTodos: Record<string, TodoDefinition> = {
  rights_cases_open: {
    permission: 'rights.write',
    link: '/rights/cases?open=true',
    count: (deps, scope) => countOpen(deps, scope),
  },
  rights_my_cases: {
    permission: 'authenticated',
    link: '/rights/assigned',
    count: (deps, _scope, user) => countAssigned(deps, user.id),
  },
};
