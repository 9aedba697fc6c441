import { sql } from 'kysely';
import type { TodoDefinition } from '../../platform/todos.ts';
import { readableByCadre } from './policy.ts';

/**
 * The skill contests' to-dos: for a judge, entries of their open events they have not marked yet
 * (their own enterprise's excepted only at marking, so the count may include those); for the
 * organisers, events whose marks are locked and whose results wait to be published.
 */
export const competitionsTodos: Record<string, TodoDefinition> = {
  competition_my_marks: {
    permission: 'authenticated',
    link: '/m/competitions/judging',
    async count(deps, _scope, user) {
      const row = await deps.db
        .selectFrom('skill_judges as j')
        .innerJoin('skill_contest_events as e', 'e.id', 'j.event_id')
        .innerJoin('skill_entries as n', 'n.event_id', 'e.id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('j.user_id', '=', user.id)
        .where('e.status', '=', 'open')
        .where(sql<boolean>`not exists (select 1 from skill_marks m where m.entry_id = n.id and m.judge_id = j.user_id)`)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), overdue: 0 };
    },
  },
  competition_to_publish: {
    permission: 'competition.write',
    link: '/competitions',
    async count(deps, scope) {
      const row = await deps.db
        .selectFrom('skill_contest_events as e')
        .innerJoin('skill_contests', 'skill_contests.id', 'e.contest_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('e.status', '=', 'locked')
        .where(readableByCadre(scope))
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), overdue: 0 };
    },
  },
};
