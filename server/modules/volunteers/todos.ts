import type { TodoDefinition } from '../../platform/todos.ts';
import { inScope } from '../../platform/access.ts';

/** What waits for a cadre in the points shop: redeemed goods not yet handed out. */
export const volunteersTodos: Record<string, TodoDefinition> = {
  shop_redemptions_to_deliver: {
    permission: 'volunteer.write',
    link: '/volunteers?tab=shop',
    async count(deps, scope) {
      const r = await deps.db
        .selectFrom('shop_redemptions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'pending')
        .where(inScope('shop_redemptions.org_id', scope))
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), overdue: 0 };
    },
  },
};
