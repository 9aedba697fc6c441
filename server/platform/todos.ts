import type { Permission, Scope } from './access.ts';
import type { Deps, SessionUser } from './context.ts';

/**
 * To-dos (待办): what waits for a cadre, counted over their scope by the module that owns the work
 * (pending join applications, entries to moderate, marks a judge still owes, …). A module declares
 * its kinds in `defineModule({ todos })`; the workbench (`GET /api/todos`) asks each kind the caller
 * may see. Counts must stay cheap at a million members: indexed counts over the scope, never a
 * scan of the roll.
 */
export interface TodoCount {
  count: number;
  /** of those, the ones past their deadline (0 where the work has none) */
  overdue: number;
}

export interface TodoDefinition {
  /**
   * Whose to-do it is: holders of this permission, counted over its scope; 'authenticated' for
   * to-dos of one's own (a judge's marks), counted by the user.
   */
  permission: Permission | 'authenticated';
  /** The console page where the work is done, filtered to it. */
  link: string;
  count(deps: Deps, scope: Scope, user: SessionUser): Promise<TodoCount>;
}

const registry = new Map<string, { def: TodoDefinition; owner: string }>();

/** Adds a module's to-do kinds; the same kind from two modules is a startup error. */
export function registerTodos(owner: string, todos: Record<string, TodoDefinition>): void {
  for (const [kind, def] of Object.entries(todos)) {
    const known = registry.get(kind);
    if (known && known.owner !== owner) throw new Error(`to-do kind "${kind}" of ${owner} is already registered by ${known.owner}`);
    registry.set(kind, { def, owner });
  }
}

/** Every registered to-do kind, in module order. */
export function todoKinds(): [string, TodoDefinition][] {
  return [...registry].map(([kind, { def }]) => [kind, def]);
}
