import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { VitePWA } from 'vite-plugin-pwa';

/** Where the sync-server listens in development; the dev server proxies the API to it. */
const API_TARGET = 'http://localhost:8787';
const THEME_COLOR = '#16121f';

const proxied = ['/api', '/healthz', '/readyz', '/metrics'];

/** jsPDF's optional modules, never used (client/src/exports/jspdf-unused.ts). */
const JSPDF_UNUSED = fileURLToPath(new URL('./src/exports/jspdf-unused.ts', import.meta.url));
/** The English catalogue loads on use (src/i18n/load-catalog.ts): shared's slot for it is empty in the client. */
const EN_SLOT = fileURLToPath(new URL('./src/i18n/en-slot.ts', import.meta.url));

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      strategies: 'generateSW',
      filename: 'sw.js',
      // public/ (icons, favicon) is precached by globPatterns; no need to list the icons twice.
      includeManifestIcons: false,
      workbox: {
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/readyz/, /^\/metrics/],
        globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
      },
      manifest: {
        name: 'Coulisses Crew',
        short_name: 'Coulisses',
        lang: 'fr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOR,
        background_color: THEME_COLOR,
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
    }),
  ],
  resolve: {
    alias: [
      { find: 'html2canvas', replacement: JSPDF_UNUSED },
      { find: 'canvg', replacement: JSPDF_UNUSED },
      { find: 'dompurify', replacement: JSPDF_UNUSED },
      // Only shared/src/i18n/index.ts imports './en-slot'.
      { find: /^\.\/en-slot$/, replacement: EN_SLOT },
    ],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API_TARGET, changeOrigin: false }])),
  },
  preview: {
    port: 4173,
    proxy: Object.fromEntries(proxied.map((path) => [path, { target: API_TARGET, changeOrigin: false }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: the chunks and their static imports, read by scripts/check-bundle.mjs (budget).
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod's jitless setting (shared/src/zod-csp.ts) must run before any schema is built: it lives in zod's
            // own chunk, which every chunk using zod imports (and so evaluates) first.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|shared[\\/]src[\\/]zod-csp\.ts$/ },
          ],
        },
      },
    },
  },
});
