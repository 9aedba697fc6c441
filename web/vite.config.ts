import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = path.dirname(fileURLToPath(import.meta.url));

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

export default defineConfig({
  root,
  plugins: [react(), memberPortalFallback()],
  build: {
    outDir: path.join(root, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
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
