import { defineModule } from '../../platform/module.ts';
import { competitionsTodos } from './todos.ts';
import { texts } from './messages.ts';
import { competitionsRoutes } from './routes.ts';
import { competitions } from './migrations/0016-competitions.ts';

/**
 * competition.read/.write: the skill contests are run by the federations' cadres like Pioneer
 * campaigns; judges need no permission — they reach only their own events (policy.ts).
 */
const permissions = {
  'competition.read': ['cadre', 'viewer'],
  'competition.write': ['cadre'],
} as const;

type Permissions = Record<keyof typeof permissions, true>;
declare module '../../platform/access.ts' {
  interface PermissionRegistry extends Permissions {}
}

/** Skill competitions (技能竞赛): contests, events and marking schemes, entries, judges, marks, results, awards. */
export const competitionsModule = defineModule({
  name: 'competitions',
  routes: competitionsRoutes,
  texts,
  permissions,
  migrations: { '0016-competitions': competitions },
  todos: competitionsTodos,
});
