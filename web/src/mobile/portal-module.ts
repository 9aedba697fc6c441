import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';
import type { Me } from '../api/types';
import type { ModuleTexts } from '../i18n/modules';

/** A route of the member portal (under /m). */
export interface PortalPage {
  /** Relative to the portal's root: 'card', 'contests/:contestId'. */
  path: string;
  /** Always `lazyPage(() => import('./…-page'), '…Page')`: pages load on first visit. */
  page: LazyExoticComponent<ComponentType>;
  /** Open without logging in (signing up); otherwise a member's session is needed. */
  public?: boolean;
}

/** A service on the home page that leads into the module. */
export interface Tile {
  /**
   * The service it opens. A service the home page lists as coming soon (home-page.tsx) is
   * replaced in its place; any other comes before them, in module order.
   */
  key: string;
  path: string;
  /** The i18n key of its label: `home.service.<key>`, from the module's `tiles` texts. */
  label: string;
  icon: ReactNode;
  /** Whom it is shown to; everyone without. */
  shows?: (me: Me) => boolean;
}

/** One language's texts of a portal module: its namespaces, and `tiles` with its tiles' labels. */
export type PortalTexts = ModuleTexts & { tiles?: Record<string, string> };

/** What a portal module (web/src/mobile/<module>/module.tsx) plugs into the member portal. */
export interface PortalModule {
  routes: PortalPage[];
  tiles?: Tile[];
  messages: { zh: PortalTexts; en: PortalTexts };
}

/** Checks a module definition, its English texts against the shape of its Chinese ones. */
export function portalModule<T extends PortalTexts>(module: Omit<PortalModule, 'messages'> & { messages: { zh: T; en: NoInfer<T> } }): PortalModule {
  return module;
}
