/** The built-in scenarios' common cores computed at build time, by input hash (scripts/prebuilt-plugin.ts). */
declare module 'virtual:coreplay-prebuilt' {
  const table: Record<string, Extract<import('../../workers/api').CommonCoreAnalysis, { status: 'ok' }>>;
  export default table;
}
