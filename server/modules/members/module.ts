import { defineModule } from '../../platform/module.ts';
import { membersTodos } from './todos.ts';
import { membersOverview } from './stats.ts';
import { escalateOverdue } from './applications.ts';
import { texts } from './messages.ts';
import { membersRoutes } from './routes.ts';
import { memberStandardFields } from './migrations/0014-member-standard-fields.ts';
import { memberAncestors } from './migrations/0034-member-ancestors.ts';
import { memberPhoneTail } from './migrations/0035-member-phone-tail.ts';
import { memberNameGrams } from './migrations/0036-member-name-grams.ts';
import { fillPhoneTails } from './phones.ts';

const permissions = {
  'member.read': ['cadre', 'viewer'],
  'member.write': ['cadre'],
  /** see members' full ID numbers and phones (every view audited) */
  'member.pii': ['cadre'],
  /**
   * check a member's e-card (POST /api/member-cards/verify): every role that reads the roll, and
   * the card verifiers (核验员) of partner merchants and venues, who hold nothing else
   */
  'card.verify': ['cadre', 'viewer', 'card_verifier'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Join applications, the member roll, transfers, claims, e-cards (and their verification) and coverage statistics. */
export const membersModule = defineModule({
  name: 'members',
  routes: membersRoutes,
  texts,
  permissions,
  migrations: { '0014-member-standard-fields': memberStandardFields, '0034-member-ancestors': memberAncestors, '0035-member-phone-tail': memberPhoneTail, '0036-member-name-grams': memberNameGrams },
  todos: membersTodos,
  overview: { members: membersOverview },
  jobs: {
    'members.overdue_escalation': { handler: async (_data, deps) => void (await escalateOverdue(deps)) },
    'members.phone_tails': { handler: async (_data, deps) => void (await fillPhoneTails(deps)) },
  },
  schedules: {
    // hourly: an application that became overdue overnight is on the parent's desk in the morning
    'members.overdue_escalation': '5 * * * *',
    // members written before migration 0035 become findable by 尾号; a no-op (one empty index read) once done
    'members.phone_tails': '*/10 * * * *',
  },
});
