import type { TodoDefinition } from '../../platform/todos.ts';
import { countDueRechecks } from './files.ts';

/** What waits in hardship aid: the yearly re-checks the job `hardship.recheck-due` created (past their date: overdue). */
export const hardshipTodos: Record<string, TodoDefinition> = {
  hardship_rechecks: {
    permission: 'hardship.write',
    link: '/hardship/files?recheckDue=true',
    count: (deps, scope) => countDueRechecks(deps, scope),
  },
};
