/**
 * The User Timing entries the app records for its benchmark (scripts/bench/app.bench.ts reads
 * them with `performance.getEntriesByName`), instead of globals on `window`.
 */

/** One measure per common-core answer: from the request to the answer on the main thread; `detail.workerMs`, the time in the worker. */
export const ANALYSIS_MEASURE = 'coreplay:analysis';

/** A mark at the frame that first shows the workspace read back (the panel replaces "Loading your workspace…"). */
export const WORKSPACE_OPEN_MARK = 'coreplay:workspace-open';
