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
  /** The service it opens; tiles show in module order (mobile/modules.ts). */
  key: string;
  path: string;
  /** The i18n key of its label: `home.service.<key>`, from the module's `tiles` texts. */
  label: string;
  icon: ReactNode;
  /** Whom it is shown to among logged-in accounts; everyone without. */
  shows?: (me: Me) => boolean;
  /** Shown to the logged-out visitor too (its page asks them to log in when it needs to). */
  guest?: boolean;
}

/**
 * A part of the home page a module fills (latest news, my registrations …). Sections load on
 * first render, each in its own chunk, so the portal's first load does not grow with them.
 */
export interface HomeSection {
  key: string;
  /** Its place on the page, lower first: 10 the member card, 20 notices, 25 my highest skill level, 30 my registrations, 40 news, 50 activities, 60 contests, 70 the union directory. */
  order: number;
  /** Who sees it: 'guest' the logged-out visitor, 'user' a logged-in account; both without. */
  audience?: 'guest' | 'user';
  /** Always `lazyPage(() => import('./…-section'), '…Section')`. */
  section: LazyExoticComponent<ComponentType>;
}

/** One language's texts of a portal module: its namespaces, and `tiles` with its tiles' labels. */
export type PortalTexts = ModuleTexts & { tiles?: Record<string, string> };

/** What a portal module (web/src/mobile/<module>/module.tsx) plugs into the member portal. */
export interface PortalModule {
  routes: PortalPage[];
  tiles?: Tile[];
  home?: HomeSection[];
  messages: { zh: PortalTexts; en: PortalTexts };
}

/** Checks a module definition, its English texts against the shape of its Chinese ones. */
export function portalModule<T extends PortalTexts>(module: Omit<PortalModule, 'messages'> & { messages: { zh: T; en: NoInfer<T> } }): PortalModule {
  return module;
}
