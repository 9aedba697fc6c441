import { sql } from 'kysely';
import type { TodoDefinition } from '../../platform/todos.ts';
import { managedCampaigns } from './policy.ts';

/** Assignments of campaigns in scoring whose judge has not given a single mark yet. */
const unmarked = sql<boolean>`not exists (select 1 from pioneer_scores sc where sc.assignment_id = a.id)`;

/**
 * The Workers' Pioneer to-dos: for the campaign's managers, the judges' sheets still empty while
 * scoring runs and the objections still open on a public notice; for a judge, their own sheets.
 */
export const pioneerTodos: Record<string, TodoDefinition> = {
  pioneer_missing_marks: {
    permission: 'pioneer.write',
    link: '/pioneer/campaigns?status=scoring',
    async count(deps, scope) {
      const row = await deps.db
        .selectFrom('pioneer_assignments as a')
        .innerJoin('pioneer_campaigns as camp', 'camp.id', 'a.campaign_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('camp.status', '=', 'scoring')
        .where(managedCampaigns({ scope }))
        .where(unmarked)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), overdue: 0 };
    },
  },
  pioneer_objections: {
    permission: 'pioneer.write',
    link: '/pioneer/campaigns?status=publicity',
    async count(deps, scope) {
      const row = await deps.db
        .selectFrom('pioneer_objections as o')
        .innerJoin('pioneer_campaigns as camp', 'camp.id', 'o.campaign_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('o.status', '=', 'open')
        .where(managedCampaigns({ scope }))
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), overdue: 0 };
    },
  },
  pioneer_my_marks: {
    permission: 'authenticated',
    link: '/m/judging',
    async count(deps, _scope, user) {
      const row = await deps.db
        .selectFrom('pioneer_assignments as a')
        .innerJoin('pioneer_campaigns as camp', 'camp.id', 'a.campaign_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('a.judge_id', '=', user.id)
        .where('camp.status', '=', 'scoring')
        .where(unmarked)
        .executeTakeFirstOrThrow();
      return { count: Number(row.n), overdue: 0 };
    },
  },
};
