import { sql } from 'kysely';
import type { TodoDefinition } from '../../platform/todos.ts';
import { today } from '../../platform/dates.ts';
import { reviewableRatings } from './policy.ts';

/**
 * What waits for the union above in ratings: self-assessments to review, and named ratings whose
 * re-check is due (overdue past the day).
 */
export const ratingsTodos: Record<string, TodoDefinition> = {
  ratings_to_review: {
    permission: 'rating.write',
    link: '/ratings?status=self_assessed',
    async count(deps, scope) {
      const r = await deps.db.selectFrom('ratings').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'self_assessed').where(reviewableRatings(scope)).executeTakeFirstOrThrow();
      return { count: Number(r.n), overdue: 0 };
    },
  },
  ratings_recheck_due: {
    permission: 'rating.write',
    link: '/ratings?status=named',
    async count(deps, scope) {
      const day = today(deps);
      const r = await deps.db
        .selectFrom('ratings')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when recheck_due_on < ${day} then 1 else 0 end)`.as('late')])
        .where('status', '=', 'named')
        .where('recheck_due_on', '<=', day)
        .where(reviewableRatings(scope))
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), overdue: Number(r.late ?? 0) };
    },
  },
};
