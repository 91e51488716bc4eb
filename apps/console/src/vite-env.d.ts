/// <reference types="vite/client" />

/** Street tile source, fixed at build time (vite.config.ts). */
declare const __MAP_TILES__: { url: string; attribution: string };
