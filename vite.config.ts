import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { prebuiltAnalyses } from './scripts/prebuilt-plugin.ts';
import { startChunk } from './scripts/start-chunk-plugin.ts';
import { expectedBuildLog } from './scripts/build-logs.ts';

// The first screen's code in one file (scripts/start-chunk-plugin.ts).
const start = startChunk();

export default defineConfig({
  // prebuiltAnalyses: the built-in scenarios' common cores, computed at build time (scripts/prebuilt-analyses.ts).
  plugins: [solid(), prebuiltAnalyses(), start.plugin],
  worker: { format: 'es' },
  optimizeDeps: { include: ['highs', 'comlink', 'cytoscape', 'cytoscape-fcose', 'xstate', 'valibot', 'idb'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: { codeSplitting: { groups: [start.group] } },
      // Most of the build's time is the built-in scenarios' analyses (prebuiltAnalyses) and Solid's
      // transform, both as intended; the timing warning would print on every other `npm start`.
      checks: { bundlerTimings: false },
      onLog(level, log, handler) {
        if (expectedBuildLog(log)) return;
        handler(level, log);
      },
    },
  },
  // `npm run dev`: the rooms' Socket.IO goes to the room server on ROOM_PORT (default 5174), which `npm run dev:rooms` runs.
  server: { proxy: { '/socket.io': { target: `http://127.0.0.1:${process.env.ROOM_PORT || 5174}`, ws: true } } },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
