/// <reference types="vite-plugin-pwa/vanillajs" />
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { registerSW } from 'virtual:pwa-register';
import { offlineStatus, trackOfflineStatus } from './offline-data';

/**
 * The portal as an installed web app: registers its service worker (/m/sw.js, scope /m/), and
 * shows two bars above every page — 离线 when the page shows what was synced earlier, and
 * 新版本可用 when a new version is ready. Rendered once, beside the app (main.tsx), so no page
 * needs to know about either.
 */

let applyUpdate: (() => Promise<void>) | null = null;
let updateReady = false;
const updateListeners = new Set<() => void>();
const updateStore = {
  get: () => updateReady,
  subscribe(listener: () => void) {
    updateListeners.add(listener);
    return () => updateListeners.delete(listener);
  },
};

const HOUR = 60 * 60 * 1000;

export function startPortalWorker(): void {
  trackOfflineStatus();
  applyUpdate = registerSW({
    // A waiting version is applied only when the member taps the bar: the worker then takes over
    // and the page reloads (workbox-window), never in the middle of a form on its own.
    onNeedRefresh() {
      updateReady = true;
      updateListeners.forEach((l) => l());
    },
    // An app left open for days still learns of new versions.
    onRegisteredSW(_url, registration) {
      if (!registration) return;
      setInterval(() => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      }, HOUR);
    },
  });
}

/** 2026-12-05 15:04 in China Standard Time, as every time in gonghui (web/src/ui/time.ts, without dayjs). */
function shanghaiTime(httpDate: string): string | null {
  const date = new Date(httpDate);
  if (Number.isNaN(date.getTime())) return null;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

const bar = { margin: 0, padding: '6px 12px', fontSize: 13, lineHeight: '20px', textAlign: 'center' } as const;

export function PortalStatus() {
  const { t } = useTranslation();
  const { online, cachedAt } = useSyncExternalStore(offlineStatus.subscribe, offlineStatus.get);
  const update = useSyncExternalStore(updateStore.subscribe, updateStore.get);
  const syncedAt = cachedAt ? shanghaiTime(cachedAt) : null;
  return (
    <>
      {(cachedAt !== null || !online) && (
        <p role="status" style={{ ...bar, position: 'sticky', top: 0, zIndex: 1000, background: '#fff7e6', color: '#ad4e00' }}>
          {cachedAt === null ? t('offline.noNetwork') : t(online ? 'offline.slow' : 'offline.cached', { time: syncedAt ?? '—' })}
        </p>
      )}
      {update && (
        <button type="button" onClick={() => applyUpdate?.()} style={{ ...bar, display: 'block', width: '100%', border: 0, background: '#c8161d', color: '#fff' }}>
          {t('offline.update')}
        </button>
      )}
    </>
  );
}
