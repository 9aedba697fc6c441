import { sql } from 'kysely';
import type { TodoDefinition } from '../../platform/todos.ts';
import { today } from '../../platform/dates.ts';
import { readableRounds } from './policy.ts';

/**
 * What waits for a cadre in bargaining: proposals without the other side's reply (overdue past the
 * 20 days of art. 32), signed agreements not yet filed (overdue past the 10 days of art. 42), and
 * agreements whose renewal window the job opened (art. 38) with no renewal round yet.
 */
export const bargainingTodos: Record<string, TodoDefinition> = {
  bargaining_replies: {
    permission: 'bargaining.write',
    link: '/bargaining?status=proposed',
    async count(deps, scope) {
      const day = today(deps);
      const r = await deps.db
        .selectFrom('bargaining_rounds')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when reply_due_on < ${day} then 1 else 0 end)`.as('late')])
        .where('status', '=', 'proposed')
        .where(readableRounds(scope))
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), overdue: Number(r.late ?? 0) };
    },
  },
  bargaining_filings: {
    permission: 'bargaining.write',
    link: '/bargaining?status=signed',
    async count(deps, scope) {
      const day = today(deps);
      const r = await deps.db
        .selectFrom('bargaining_rounds')
        .select([(eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(case when filing_due_on < ${day} then 1 else 0 end)`.as('late')])
        .where('status', '=', 'signed')
        .where(readableRounds(scope))
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), overdue: Number(r.late ?? 0) };
    },
  },
  bargaining_renewals: {
    permission: 'bargaining.write',
    link: '/bargaining?status=effective',
    async count(deps, scope) {
      const day = today(deps);
      const r = await deps.db
        .selectFrom('bargaining_rounds')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('renewal_opened_at', 'is not', null)
        .where('expires_on', '>=', day)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('bargaining_rounds as next').select('next.id').whereRef('next.renews_id', '=', 'bargaining_rounds.id'))))
        .where(readableRounds(scope))
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), overdue: 0 };
    },
  },
};
