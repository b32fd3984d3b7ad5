/** The built-in scenarios' common cores computed at build time, by input hash, and their parsed documents as JSON text, by name (scripts/prebuilt-plugin.ts). */
declare module 'virtual:coreplay-prebuilt' {
  const table: Record<string, Extract<import('../../workers/api').CommonCoreAnalysis, { status: 'ok' }>>;
  export default table;
  export const structures: Record<string, string>;
}
