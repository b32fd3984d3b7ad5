/**
 * The production build's messages that are expected and say nothing to act on; `vite.config.ts`
 * leaves them out so that `npm start` and CI print only messages worth reading.
 *
 * Both come from HiGHS, and both are intended:
 * - the analysis worker loads HiGHS itself, with the WebAssembly file's built address, so the
 *   dynamic import in models/game/lp.ts (the loader for the command-line tools and tests) does
 *   not split HiGHS into a chunk of its own;
 * - HiGHS imports `node:module`, which it uses only under Node.
 */
export function expectedBuildLog(log: { code?: string; message: string }): boolean {
  if (!/node_modules\/highs\//.test(log.message)) return false;
  return log.code === 'INEFFECTIVE_DYNAMIC_IMPORT' || /"node:module" has been externalized/.test(log.message);
}
