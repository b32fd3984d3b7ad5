/**
 * Non-cooperative solvers for normal-form games (issue 5). Every solver returns a status value,
 * its method, whether its answers are exact, and each equilibrium with its regret.
 */
export type { MixedProfile, SolveStatus, MixedEquilibrium, MixedResult, StopOptions } from './types';
export { enumeratePure, type PureEquilibrium, type EnumPureOptions, type EnumPureResult } from './enumPure';
export { bestResponses, regret, playerRegrets, strategyValues, expectedPayoffs, exactRegret, exactStrategyValues, comparePayoffs } from './regret';
export { enumerateMixed2, type EnumMixedOptions, type EnumMixedResult } from './vertexEnumeration';
export { lemkeHowson, lemkeHowsonAll, type LemkeHowsonOptions, type LemkeHowsonAllOptions, type LemkeHowsonResult } from './lemkeHowson';
export { correlatedEquilibrium, type CorrelatedOptions, type CorrelatedResult } from './correlated';
export { iteratedDominance, iteratedPureDominance, type DominanceOptions, type DominanceResult, type Elimination } from './dominance';
export { paretoPure, type ParetoOptions, type ParetoProfile, type ParetoResult } from './pareto';
export { approximateMixed, type ApproximateOptions, type ApproximateResult } from './approximate';
export { forEachVertex, type VertexInfo, type PolytopeOptions, type PolytopeRun } from './polytope';
export { bimatrix, transposeGame, type Bimatrix } from './bimatrix';
