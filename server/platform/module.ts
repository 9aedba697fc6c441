import type { Migration } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { registerPermissions, type PermissionDefs } from './access.ts';
import { registerTexts, type ModuleTexts } from './i18n.ts';
import { registerTodos, type TodoDefinition } from './todos.ts';
import { registerOverview, type OverviewSection } from './overview.ts';
import { registerJobs, registerSchedules, type JobDefinition } from './jobs.ts';

/**
 * One module as the platform sees it: a folder under server/modules that plugs in through its
 * `module.ts`, listed once in server/modules/index.ts. Everything central a module used to edit is
 * declared here instead: its routes, its texts (messages.ts), its permissions, its migrations and
 * its durable jobs, its to-dos and its data-screen figures.
 */
export interface ModuleDefinition {
  /** The folder's name, used in startup errors. */
  name: string;
  /** Its HTTP routes, registered under /api. */
  routes?: FastifyPluginAsyncZod;
  texts?: ModuleTexts;
  /** Its permissions and the roles holding them (see platform/access.ts). */
  permissions?: PermissionDefs;
  /**
   * Its tables' migrations, in its own `migrations/` folder, each named to sort after every
   * migration that exists when it is written (`0010-articles`): Kysely applies all migrations in
   * name order. Like any migration, they import only kysely and server/db/**, and never change once
   * shipped.
   */
  migrations?: Record<string, Migration>;
  /** Its to-do kinds for the workbench, by kind (see platform/todos.ts). */
  todos?: Record<string, TodoDefinition>;
  /** Its sections of the data screen (GET /api/orgs/{id}/overview), by section name (see platform/overview.ts). */
  overview?: Record<string, OverviewSection>;
  /** Its job kinds, each named `<module>.<kind>` (`notifications.sms`), queued with `deps.jobs.send`. */
  jobs?: Record<string, JobDefinition>;
  /**
   * Its recurring jobs: one of its job names → a cron expression of 5 fields (minute hour day
   * month weekday) in Asia/Shanghai time. The job runs with data `{}`, once per slot.
   */
  schedules?: Record<string, string>;
}

export function defineModule<const M extends ModuleDefinition>(definition: M): M {
  return definition;
}

/**
 * Registers every module's texts, permissions, to-dos, overview sections, job kinds and schedules. Safe to call again with
 * the same list (each test builds its own app); two modules claiming one code, permission or job
 * name, or a schedule naming no job of its module, fail here, at startup.
 */
export function installModules(modules: readonly ModuleDefinition[]): void {
  for (const m of modules) {
    if (m.texts) registerTexts(m.name, m.texts);
    if (m.permissions) registerPermissions(m.name, m.permissions);
    if (m.todos) registerTodos(m.name, m.todos);
    if (m.overview) registerOverview(m.name, m.overview);
    if (m.jobs) registerJobs(m.name, m.jobs);
    if (m.schedules) registerSchedules(m.name, m.schedules);
  }
}
