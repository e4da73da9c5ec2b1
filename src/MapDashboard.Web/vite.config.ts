import { defineConfig } from 'vite';

// The server (src/MapDashboard.Server) serves the build from its wwwroot and
// falls back to index.html for /wall, /lead and /plan, so one bundle serves all views.
const api = 'http://127.0.0.1:5080';

export default defineConfig({
  // The browser tests' hook (src/testHook.ts) is compiled in only when the tests build the client.
  define: { __TEST_HOOK__: JSON.stringify(process.env.MAPDASHBOARD_TEST_HOOK === '1') },
  build: {
    outDir: '../MapDashboard.Server/wwwroot',
    emptyOutDir: true,
    // OpenLayers alone is ~600 kB minified; one chunk is fine for an intranet wall display.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': api,
      '/tiles': api,
      '/hubs': { target: api, ws: true },
    },
  },
});
