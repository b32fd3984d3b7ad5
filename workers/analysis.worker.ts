/** The analysis web worker: transport only. The solvers are ordinary modules in models/analysis. */
import * as Comlink from 'comlink';
import highsLoader from 'highs';
import wasmUrl from 'highs/runtime?url';
import { getHighs, setHighsLoader } from '../models/game/lp';
import { commonCoreAnswers } from '../models/analysis/commonCore/index';
import { analyseBargaining, analyseCommonCore, analyseCoop, analyseDebrief, analyseForecast, analyseRoundGame, analyseSensitivity } from './api';
import { analyseSpatial } from './local';
import { memoiseHighs } from './lpMemo';

// Identical LPs (shared by readings, and by successive live edits) are solved once.
setHighsLoader(async () => memoiseHighs(await highsLoader({ locateFile: (f: string) => (f.endsWith('.wasm') ? wasmUrl : f) })).highs);

const clock = () => performance.now();
// This worker's (this lane's) kept common-core answers: a later edit reuses what earlier ones settled.
const commonCoreKept = commonCoreAnswers();
const api = {
  /** Load HiGHS now, before the first analysis asks for it (see the client's `warm`). */
  warm: async () => {
    await getHighs();
  },
  /** `onFirst` (a Comlink proxy) gets the chosen variants' reading before the other readings are done. */
  analyseCommonCore: (scenario: Parameters<typeof analyseCommonCore>[0], variants: string[], onFirst?: Parameters<typeof analyseCommonCore>[4]) =>
    analyseCommonCore(scenario, variants, clock, commonCoreKept, onFirst && ((first) => void Promise.resolve(onFirst(first)).catch(() => undefined))),
  analyseSensitivity: (scenario: Parameters<typeof analyseSensitivity>[0], variants: string[]) => analyseSensitivity(scenario, variants, clock),
  analyseCoop: (scenario: Parameters<typeof analyseCoop>[0], variants: string[], opts: Parameters<typeof analyseCoop>[2] = {}) =>
    analyseCoop(scenario, variants, opts, clock),
  analyseBargaining: (
    scenario: Parameters<typeof analyseBargaining>[0],
    variants: string[],
    pair: Parameters<typeof analyseBargaining>[2],
    opts: Parameters<typeof analyseBargaining>[3] = {},
  ) => analyseBargaining(scenario, variants, pair, opts, clock),
  analyseForecast: (scenario: Parameters<typeof analyseForecast>[0], variants: string[]) => analyseForecast(scenario, variants, clock),
  analyseSpatial: (scenario: Parameters<typeof analyseSpatial>[0], variants: string[]) => analyseSpatial(scenario, variants, clock),
  analyseRoundGame: (
    scenario: Parameters<typeof analyseRoundGame>[0],
    variants: string[],
    pair: Parameters<typeof analyseRoundGame>[2],
    opts: Parameters<typeof analyseRoundGame>[3] = {},
  ) => analyseRoundGame(scenario, variants, pair, opts, clock),
  analyseDebrief: (
    scenario: Parameters<typeof analyseDebrief>[0],
    start: Parameters<typeof analyseDebrief>[1],
    record: Parameters<typeof analyseDebrief>[2],
    pair: Parameters<typeof analyseDebrief>[3],
  ) => analyseDebrief(scenario, start, record, pair, clock),
};
export type AnalysisApi = typeof api;
Comlink.expose(api);
