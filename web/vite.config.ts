import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { portalFiles, readViteManifest } from './portal-files.ts';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');

/**
 * In development, deep links of the member portal (/m/me …) get the portal's page, as the
 * server's SPA fallback does in production (server/app.ts registerWeb).
 */
function memberPortalFallback(): Plugin {
  return {
    name: 'gonghui-member-portal-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        const isPortalPage = (url === '/m' || url.startsWith('/m/')) && !path.extname(url);
        if (isPortalPage) req.url = '/m/index.html';
        next();
      });
    },
  };
}

/**
 * The member portal as an installable, offline-capable web app (docs/architecture.md, "The portal
 * offline"). Its service worker is /m/sw.js, so its scope is /m/ and the console at / is never
 * controlled by it. The web manifest and icons are plain files in web/public/m/, linked from
 * web/m/index.html only (the plugin would link its manifest from the console's page too).
 */
function memberPortalPwa() {
  return VitePWA({
    strategies: 'generateSW',
    // A new version waits until the member taps 新版本可用 (web/src/mobile/portal-status.tsx): reloading on
    // its own could throw away a form being filled in.
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    outDir: path.join(dist, 'm'),
    base: '/m/',
    scope: '/m/',
    filename: 'sw.js',
    workbox: {
      globDirectory: dist,
      globPatterns: ['m/index.html', 'm/*.{png,webmanifest}', 'favicon.svg', 'assets/*.{js,css,svg,png,woff2}'],
      // The console and the portal share assets/: keep only the portal's files (every page of it,
      // so any page opens offline), found through the build's import graph. URLs from the site
      // root, as the pages ask for them (the worker would otherwise resolve them under /m/).
      manifestTransforms: [
        (entries) => {
          const portal = portalFiles(readViteManifest(dist));
          portal.add('m/index.html');
          const keep = entries.filter((e) => portal.has(e.url) || e.url.startsWith('m/') || e.url === 'favicon.svg');
          return { manifest: keep.map((e) => ({ ...e, url: `/${e.url}` })), warnings: [] };
        },
      ],
      dontCacheBustURLsMatching: /^\/assets\//,
      inlineWorkboxRuntime: true,
      cleanupOutdatedCaches: true,
      // The first visit is covered at once; later versions still wait for the member (above).
      clientsClaim: true,
      navigateFallback: '/m/index.html',
      navigateFallbackAllowlist: [/^\/m\//],
      runtimeCaching: [
        {
          // Only what opens the e-card and the check-in codes offline: the session, the member
          // record with its card, the card's token and my registrations. No other personal data is
          // kept; the session (web/src/mobile/session.tsx) deletes this cache on logout and on 401.
          // Self-contained: workbox-build copies the function's source into sw.js.
          urlPattern: ({ url, sameOrigin }) =>
            sameOrigin && /^\/api\/(me|me\/member|members\/me\/card-token|registrations\/mine)$/.test(url.pathname),
          method: 'GET',
          handler: 'NetworkFirst',
          options: {
            cacheName: 'gonghui-portal-data',
            networkTimeoutSeconds: 3,
            cacheableResponse: { statuses: [200] },
            expiration: { maxEntries: 20, maxAgeSeconds: 30 * 24 * 60 * 60 },
            plugins: [
              {
                // Marks an answer read from the cache (network down or slower than 3 s) with the
                // time the server sent it, for the portal's offline banner.
                cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) => {
                  if (!cachedResponse) return null;
                  const headers = new Headers(cachedResponse.headers);
                  headers.set('x-gonghui-cached', cachedResponse.headers.get('date') ?? '');
                  return new Response(cachedResponse.body, { status: cachedResponse.status, statusText: cachedResponse.statusText, headers });
                },
              },
            ],
          },
        },
      ],
    },
  });
}

export default defineConfig({
  root,
  plugins: [react(), memberPortalFallback(), memberPortalPwa()],
  build: {
    outDir: dist,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // .vite/manifest.json: the import graph the service worker and scripts/portal-size.ts read.
    manifest: true,
    rolldownOptions: {
      input: {
        console: path.join(root, 'index.html'),
        portal: path.join(root, 'm/index.html'),
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://127.0.0.1:3200' },
  },
});
