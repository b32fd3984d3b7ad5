/** The analysis web worker: transport only. The solvers are ordinary modules in models/analysis. */
import * as Comlink from 'comlink';
import highsLoader from 'highs';
import wasmUrl from 'highs/runtime?url';
import { setHighsLoader } from '../models/analysis/lp/highs';
import { analyseCommonCore } from './api';

setHighsLoader(() => highsLoader({ locateFile: (f: string) => (f.endsWith('.wasm') ? wasmUrl : f) }));

const api = {
  analyseCommonCore: (scenario: Parameters<typeof analyseCommonCore>[0], variants: string[]) =>
    analyseCommonCore(scenario, variants, () => performance.now()),
};
export type AnalysisApi = typeof api;
Comlink.expose(api);
