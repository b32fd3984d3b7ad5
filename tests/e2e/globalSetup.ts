import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

/**
 * Serves the production build (dist/, made by `vite build` beforehand; another folder with
 * COREPLAY_DIST=folder, e.g. after `vite build --outDir folder`) for the end-to-end tests.
 */
export default async function setup(project: TestProject) {
  const outDir = process.env.COREPLAY_DIST;
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, ...(outDir ? { build: { outDir } } : {}), logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
