import type { TodoDefinition } from '../../platform/todos.ts';
import { countMissingProofs } from './ledger.ts';

/** What waits for a cadre in fundraising: disbursements still without a proof (签收单, photo). */
export const fundraisingTodos: Record<string, TodoDefinition> = {
  fundraiser_missing_proofs: {
    permission: 'fundraiser.write',
    link: '/fundraising',
    async count(deps, scope) {
      return { count: await countMissingProofs(deps, scope), overdue: 0 };
    },
  },
};
