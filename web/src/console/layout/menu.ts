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

/** The entries the user may see: those whose capability they hold somewhere. */
export function menuFor(me: Me): MenuEntry[] {
  return entries.filter((e) => can(me, e.needs));
}

export function menuGroup(key: string): MenuGroup | undefined {
  return groups.get(key);
}
