import { api } from '../api/client';

/**
 * The member's data the portal's service worker keeps for offline use (web/vite.config.ts,
 * runtimeCaching): the session, the member record with its e-card, and my registrations' check-in
 * codes. The same name as there.
 */
export const OFFLINE_DATA_CACHE = 'gonghui-portal-data';

/** Deletes the kept data: on logout, on login, and when the server says the session is gone (401). */
export async function forgetOfflineData(): Promise<void> {
  setStatus({ cachedAt: null });
  // Cache Storage exists only in secure contexts (https, or http on localhost / 127.0.0.1).
  // Never in the way of logging out: a failure leaves nothing worse than before.
  if (typeof caches !== 'undefined') await caches.delete(OFFLINE_DATA_CACHE).catch(() => false);
}

export interface OfflineStatus {
  /** navigator.onLine, kept up to date by the online and offline events. */
  online: boolean;
  /**
   * The server's Date of the answers last read from the cache instead of the network ('' when it
   * sent none), or null when the last answer came from the network.
   */
  cachedAt: string | null;
}

let status: OfflineStatus = { online: typeof navigator === 'undefined' || navigator.onLine, cachedAt: null };
const listeners = new Set<() => void>();

function setStatus(patch: Partial<OfflineStatus>) {
  status = { ...status, ...patch };
  listeners.forEach((l) => l());
}

export const offlineStatus = {
  get: (): OfflineStatus => status,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/**
 * Follows the connection and where the API's answers come from: the service worker marks an
 * answer it read from its cache with `x-gonghui-cached: <the Date the server sent it>`.
 */
export function trackOfflineStatus(): void {
  window.addEventListener('online', () => setStatus({ online: true }));
  window.addEventListener('offline', () => setStatus({ online: false }));
  api.use({
    onResponse({ response }) {
      const cachedAt = response.headers.get('x-gonghui-cached');
      if (cachedAt !== status.cachedAt) setStatus({ cachedAt });
      return undefined;
    },
  });
}
