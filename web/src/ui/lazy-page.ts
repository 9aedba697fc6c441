import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * A page loaded on first visit: `lazyPage(() => import('./roll-page'), 'RollPage')`. Module
 * definitions name their pages only this way, so no page's code lands in an app's first load.
 * (`any`: a page may take any props.)
 */
export function lazyPage<M extends Record<K, ComponentType<any>>, K extends keyof M>(load: () => Promise<M>, name: K): LazyExoticComponent<M[K]> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}
