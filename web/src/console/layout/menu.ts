import type { Me } from '../../api/types';
import { can } from '../access';
import { consoleModules } from '../modules';
import type { MenuEntry, MenuGroup } from '../shared/console-module';

export type { MenuEntry, MenuGroup };

/** The console's pages in menu order (the order of the module list). */
const entries: MenuEntry[] = consoleModules.flatMap((m) => m.menu);
const groups = new Map(consoleModules.flatMap((m) => m.groups ?? []).map((g) => [g.key, g]));

for (const entry of entries) {
  if (entry.group && !groups.has(entry.group)) throw new Error(`menu: "${entry.key}" sits in "${entry.group}", which no module opens`);
}

/** The entries the user may see: those whose capability they hold somewhere, and the desk's own pages when there is any. */
export function menuFor(me: Me): MenuEntry[] {
  const granted = entries.filter((e) => e.needs !== undefined && can(me, e.needs));
  return granted.length === 0 ? [] : entries.filter((e) => e.needs === undefined || granted.includes(e));
}

export function menuGroup(key: string): MenuGroup | undefined {
  return groups.get(key);
}
