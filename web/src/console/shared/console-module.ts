import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { ModuleTexts } from '../../i18n/modules';
import type { Capability } from '../access';

/** A page in the console's menu, shown to those holding `needs` somewhere. */
export interface MenuEntry {
  /** Unique across the console: the menu item's key. */
  key: string;
  /** Where it leads; the entry is selected while the address starts with it. */
  path: string;
  /** Absent: the desk's own pages (the workbench), shown to everyone who has any other entry. */
  needs?: Capability;
  /** The key of the submenu (a MenuGroup of any module) it sits in; at the top without. */
  group?: string;
  /** The i18n key of its label: `layout.menu.<key>`, from the module's `menu` texts. */
  label: string;
  /** Shown beside a top-level entry. */
  icon?: ReactNode;
}

/** A submenu, placed where its first entry in menu order falls. */
export interface MenuGroup {
  key: string;
  /** The i18n key of its label, as for an entry. */
  label: string;
  icon: ReactNode;
}

/** A route of the console, for signed-in users. */
export interface ConsolePage {
  /** Relative to the console's root: 'members/roll', 'orgs/:orgId?'. */
  path: string;
  /** Always `lazyPage(() => import('./…-page'), '…Page')`: pages load on first visit. */
  page: LazyExoticComponent<ComponentType>;
  /** Outside the desk layout (no header, no menu): check-in on a phone, a printable notice. */
  bare?: boolean;
}

/** One language's texts of a console module: its namespaces, `menu` with its menu and submenu labels, and `todos`. */
export type ConsoleTexts = ModuleTexts & {
  menu: Record<string, string>;
  /** Labels of the to-do kinds its server module registers (workbench.todo.<kind>). */
  todos?: Record<string, string>;
};

/** What a console module (web/src/console/<module>/module.tsx) plugs into the console. */
export interface ConsoleModule {
  /** Its menu entries, in menu order. */
  menu: MenuEntry[];
  /** The submenus it opens; other modules may put entries in them too. */
  groups?: MenuGroup[];
  routes: ConsolePage[];
  messages: { zh: ConsoleTexts; en: ConsoleTexts };
}

/** Checks a module definition, its English texts against the shape of its Chinese ones. */
export function consoleModule<T extends ConsoleTexts>(module: Omit<ConsoleModule, 'messages'> & { messages: { zh: T; en: NoInfer<T> } }): ConsoleModule {
  return module;
}
