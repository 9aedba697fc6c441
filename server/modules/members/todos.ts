import { sql } from 'kysely';
import { inScope } from '../../platform/access.ts';
import type { TodoDefinition } from '../../platform/todos.ts';
import { overdueBefore } from './applications.ts';

const counted = (row: { n: number | string | null; late?: number | string | null }) => ({ count: Number(row.n ?? 0), overdue: Number(row.late ?? 0) });

/**
 * The members module's to-dos: join applications waiting for a decision (overdue past 15 working
 * days, the rule in rules.ts) and transfers waiting for a union in scope to accept them. Both are
 * counts over indexes (org, status), never over the roll.
 */
export const membersTodos: Record<string, TodoDefinition> = {
  join_applications: {
    permission: 'member.write',
    link: '/members/applications?status=pending',
    async count(deps, scope) {
      const before = overdueBefore(deps);
      const row = await deps.db
        .selectFrom('join_applications')
        .select((eb) => [eb.fn.countAll<number>().as('n'), sql<number>`sum(case when created_at < ${before} then 1 else 0 end)`.as('late')])
        .where('status', '=', 'pending')
        .where(inScope('org_id', scope))
        .executeTakeFirstOrThrow();
      return counted(row);
    },
  },
  transfers_incoming: {
    permission: 'member.write',
    link: '/members/transfers?status=pending',
    async count(deps, scope) {
      const row = await deps.db
        .selectFrom('transfers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .where(inScope('to_org_id', scope))
        .executeTakeFirstOrThrow();
      return counted(row);
    },
  },
};
