import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './precompress.ts';

// `npm run dev -w web` proxies /api to a running `gotong serve`; set GOTONG_API to point elsewhere.
const apiTarget = process.env.GOTONG_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react(), precompress()],
  base: '/',
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: {
      output: {
        // Every page needs the framework (vendor) and the app's own shared parts (ui: components,
        // lib and the Indonesian texts): each travels as one chunk, so that a first visit does not
        // make forty requests for pieces of a kilobyte that each compress alone. Pages load lazily
        // on top of them; English, the charts and each area's own texts stay in their own chunks.
        // A group takes its modules' imports along: a file under components/ or lib/ that imported
        // the charts would put them in every first visit (the page-weight e2e would say so).
        codeSplitting: {
          groups: [
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack|i18next|react-i18next|use-sync-external-store)[\\/]/,
              priority: 2,
            },
            {
              name: 'ui',
              test: /[\\/]src[\\/](components[\\/]|lib[\\/](?!i18n[\\/])|lib[\\/]i18n[\\/](id|index)\.ts)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
});
