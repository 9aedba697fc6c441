import { sql } from 'kysely';
import { inScope } from '../../platform/access.ts';
import type { TodoDefinition } from '../../platform/todos.ts';
import { CONFIRMATION_REMINDER_DAYS } from './rules.ts';

/**
 * What waits for a cadre in micro-wishes: posted wishes to moderate, and fulfilled wishes whose
 * wisher has not confirmed within CONFIRMATION_REMINDER_DAYS (the cadre reminds them, or the points wait).
 */
export const wishesTodos: Record<string, TodoDefinition> = {
  wishes_to_moderate: {
    permission: 'wish.write',
    link: '/wishes?status=pending',
    async count(deps, scope) {
      const r = await deps.db.selectFrom('wishes').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'pending').where(inScope('wishes.org_id', scope)).executeTakeFirstOrThrow();
      return { count: Number(r.n), overdue: 0 };
    },
  },
  wishes_unconfirmed: {
    permission: 'wish.write',
    link: '/wishes?status=fulfilled',
    async count(deps, scope) {
      const before = new Date(deps.clock().getTime() - CONFIRMATION_REMINDER_DAYS * 86_400_000).toISOString();
      const r = await deps.db
        .selectFrom('wishes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'fulfilled')
        .where(sql<boolean>`fulfilled_at < ${before}`)
        .where(inScope('wishes.org_id', scope))
        .executeTakeFirstOrThrow();
      return { count: Number(r.n), overdue: Number(r.n) };
    },
  },
};
