import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served under /console/ by the same web server as the H5 client (scripts/h5-server.mjs), so the
// console calls the API same-origin at /api/v1. `pnpm dev` proxies the API to a local one.
/**
 * Street tiles in GCJ-02, the coordinates the API stores: AMap's public tiles unless
 * MAP_TILE_URL names another GCJ-02 source (a licensed AMap/Tianditu key, an intranet tile
 * server). Without network the maps still work: markers and circles on a blank background.
 */
const MAP_TILES = {
  url:
    process.env.MAP_TILE_URL ??
    'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
  attribution: process.env.MAP_TILE_ATTRIBUTION ?? '© 高德地图',
};

export default defineConfig({
  base: '/console/',
  define: { __MAP_TILES__: JSON.stringify(MAP_TILES) },
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': process.env.YIZHAN_API_ORIGIN ?? 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
