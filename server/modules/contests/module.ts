import { defineModule } from '../../platform/module.ts';
import { contestsTodos } from './todos.ts';
import { texts } from './messages.ts';
import { contestsRoutes } from './routes.ts';
import { contestsOverview } from './stats.ts';

/** Themed contests: entries, moderation, voting, results (under the activity permissions). */
export const contestsModule = defineModule({ name: 'contests', routes: contestsRoutes, texts, todos: contestsTodos, overview: { contests: contestsOverview } });
