import type { TodoDefinition } from '../../platform/todos.ts';
import { readableByCadre } from './policy.ts';

/** Entries waiting for moderation in the contests of the caller's scope (contest_entries indexed by contest and status). */
export const contestsTodos: Record<string, TodoDefinition> = {
  contest_entries: {
    permission: 'activity.write',
    link: '/contests?pending=true',
    async count(deps, scope) {
      const row = await deps.db
        .selectFrom('contest_entries as e')
        .innerJoin('contests', 'contests.id', 'e.contest_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('e.status', '=', 'pending')
        .where('contests.status', '=', 'published')
        .where(readableByCadre(scope))
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), overdue: 0 };
    },
  },
};
