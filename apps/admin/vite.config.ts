import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { precompress } from './build/precompress.js';

/** Where `vite dev` forwards API calls; the API serves the built console itself on one origin. */
const apiOrigin = process.env.SHEQU_API_ORIGIN ?? 'http://localhost:3000';

export default defineConfig({
  // Brotli and gzip copies of the build, for the API's static serving (apps/api/src/static-assets.ts).
  plugins: [react(), precompress()],
  // Workspace packages (`@shequ/domain`) are bundled from their TypeScript source, no build first.
  resolve: {
    conditions: ['@shequ/source', ...defaultClientConditions],
    // dayjs in Chinese wherever it is used (src/lib/dayjs-zh-cn.ts), and only there.
    alias: [
      { find: /^dayjs$/, replacement: fileURLToPath(new URL('./src/lib/dayjs-zh-cn.ts', import.meta.url)) },
    ],
  },
  server: {
    port: 5173,
    proxy: {
      '/trpc': { target: apiOrigin, changeOrigin: false },
      // Attachment upload and download (raw files, outside tRPC).
      '/api': { target: apiOrigin, changeOrigin: false },
      // Pages served by the API without sign-in (the residents' satisfaction survey).
      '/public': { target: apiOrigin, changeOrigin: false },
    },
  },
  build: {
    // antd and React make one ~1 MB entry chunk; each page loads in its own chunk (src/pages/registry.tsx).
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // Many chunks of a few hundred bytes cost a request (and its headers) each, and compress worse
        // than one: chunks smaller than this join a neighbour that loads with them.
        experimentalMinChunkSize: 4_000,
        // The account menu's icon is shared by the sign-in page and the signed-in layout. Left to itself it
        // joins a chunk of other pages' icons and export button, which every signed-in page then loads too.
        manualChunks: (id) => (/[\\/]UserOutlined\.js$/.test(id) ? 'account-icon' : undefined),
      },
      onwarn(warning, warn) {
        // zod's sources carry comments Rollup cannot place; harmless, and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});
