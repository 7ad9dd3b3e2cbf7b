import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The pages are built into dist/ at build time and served by the gateway: everything comes from
 * the gateway's own origin (a strict CSP, nothing from a CDN: machines here are offline).
 */
const __dirname = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: resolve(__dirname, 'app'),
  base: './',
  // JSX is the wallboard's (Preact); the IDE (React, GraphiQL) is written without JSX.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  worker: { format: 'es' },
  build: {
    outDir: resolve(__dirname, 'dist'),
    emptyOutDir: true,
    // No inline scripts or data: URLs anywhere (the CSP forbids them).
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: {
        wallboard: resolve(__dirname, 'app/wallboard/index.html'),
        ide: resolve(__dirname, 'app/ide/index.html'),
      },
    },
  },
  // Warnings of the bundled libraries ("use client" directives) are theirs, not ours.
  logLevel: 'error',
});
