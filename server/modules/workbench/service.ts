import type { Caller, Deps } from '../../platform/context.ts';
import { hasAny, noScope, scopeFor } from '../../platform/access.ts';
import { todoKinds } from '../../platform/todos.ts';

/**
 * The caller's to-dos, one item per kind they may act on (in module order): a cadre sees every kind
 * of their permissions, with 0 where nothing waits, so the workbench always shows the same cards;
 * personal kinds (a judge's own sheets) appear only when something waits.
 */
export async function myTodos(deps: Deps, caller: Caller) {
  const user = caller.user!;
  const asked = todoKinds().flatMap(([kind, def]) => {
    const personal = def.permission === 'authenticated';
    const scope = personal ? noScope : scopeFor(user.grants, def.permission as Exclude<typeof def.permission, 'authenticated'>);
    if (!personal && !hasAny(scope)) return [];
    return [def.count(deps, scope, user).then((c) => ({ kind, count: c.count, overdue: c.overdue, link: def.link, personal }))];
  });
  const items = await Promise.all(asked);
  return { items: items.filter((i) => !i.personal || i.count > 0).map(({ personal: _, ...item }) => item) };
}
