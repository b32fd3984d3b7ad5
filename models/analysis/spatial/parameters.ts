/**
 * The spatial model's parameters, named and valued as KTAB's SMP names them (KTAB SMP user
 * guide, "Model Parameters"; the defaults are the ones it marks). Every run reports the full set
 * it used, so a result can be reproduced and compared with a KTAB run.
 *
 * Two parameters are not KTAB's. ContestCoalition says whose votes decide a challenge's contest:
 * every actor's ('AllActors', the coalition reading of Bueno de Mesquita's and KTAB's papers,
 * the default), the two principals' alone ('Principals'), or KTAB's "little coalitions" as its
 * source code computes them ('Little': the principals' votes, then each third party in turn
 * weighing the three-actor contest it would make with the coalitions so far). ElectionWeight says
 * what a vote weighs in the elections among positions and over each queue: effective power (the
 * papers, the default) or capability alone (KTAB's source). With 'Little' and 'Capability' a turn
 * follows KTAB's source; see the comparison test for how each choice fits KTAB's logged runs.
 *
 * Two of KTAB's parameters are not offered: StateTransition = Stochastic (a random draw; this
 * model is deterministic by design, so the winning option of each queue is always the most
 * probable one, KTAB's default Deterministic) and the affinity matrix (unused in KTAB too).
 */

/** How fast the probability of the stronger coalition winning rises with the strength ratio. */
export type VictoryProbModel = 'Linear' | 'Square' | 'Quartic' | 'Octic' | 'Binary';
/** How the probability of each option winning a probabilistic Condorcet election is computed. */
export type PCEModel = 'Conditional' | 'MarkovIncentive' | 'MarkovUniform';
/** How an actor's vote between two options depends on its utility difference. */
export type VotingRule = 'Prop' | 'PropBin' | 'Binary' | 'PropCbc' | 'ASymProsp' | 'Cubic';
/** How far actor i's estimate of j's risk attitude moves from its own towards j's. */
export type BigRAdjust = 'None' | 'OneThird' | 'Half' | 'TwoThirds' | 'Full';
/** The range of risk attitudes: most probable position → 1 (averse), least probable → the low end. */
export type BigRRange = 'Min' | 'Mid' | 'Max';
/** What a third party that joined a coalition in a contest must do when the contest is decided. */
export type ThirdPartyCommit = 'NoCommit' | 'SemiCommit' | 'FullCommit';
/** Whose votes decide the contest of a challenge (not a KTAB parameter; see the file comment). */
export type ContestCoalition = 'AllActors' | 'Principals' | 'Little';
/** The weight of an actor's vote in the elections among positions and over each queue (not a KTAB parameter). */
export type ElectionWeight = 'EffectivePower' | 'Capability';
/** How the two positions of a bargain are interpolated. */
export type InterVecBrgn = 'S1P1' | 'S2P2' | 'S2PMax';
/** From whose perspective the probability used to interpolate a bargain is taken. */
export type BargnModel = 'InitOnlyInterp' | 'InitRcvrInterp' | 'PWCompInterp';

export interface SmpParameters {
  readonly VictoryProbModel: VictoryProbModel;
  readonly PCEModel: PCEModel;
  readonly VotingRule: VotingRule;
  readonly BigRAdjust: BigRAdjust;
  readonly BigRRange: BigRRange;
  readonly ThirdPartyCommit: ThirdPartyCommit;
  readonly ContestCoalition: ContestCoalition;
  readonly ElectionWeight: ElectionWeight;
  readonly InterVecBrgn: InterVecBrgn;
  readonly BargnModel: BargnModel;
  /** Always 'Deterministic' here (see the file comment). */
  readonly StateTransition: 'Deterministic';
  /** The run stops after this many turns at the latest. */
  readonly maxTurns: number;
  /**
   * The run stops when a turn moves the actors less than this fraction of what the first turn
   * moved them (distances summed over actors), or not at all.
   */
  readonly quietRatio: number;
}

/** KTAB's defaults (the values its user guide marks), with a turn limit of 100 and KTAB's 1 % stop rule. */
export const KTAB_DEFAULTS: SmpParameters = Object.freeze({
  VictoryProbModel: 'Linear',
  PCEModel: 'Conditional',
  VotingRule: 'Prop',
  BigRAdjust: 'OneThird',
  BigRRange: 'Mid',
  ThirdPartyCommit: 'SemiCommit',
  ContestCoalition: 'AllActors',
  ElectionWeight: 'EffectivePower',
  InterVecBrgn: 'S2P2',
  BargnModel: 'InitOnlyInterp',
  StateTransition: 'Deterministic',
  maxTurns: 100,
  quietRatio: 0.01,
});

/** The values each named parameter accepts, in the order KTAB's guide lists them. */
export const PARAMETER_VALUES = Object.freeze({
  VictoryProbModel: ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'],
  PCEModel: ['Conditional', 'MarkovIncentive', 'MarkovUniform'],
  VotingRule: ['Prop', 'PropBin', 'Binary', 'PropCbc', 'ASymProsp', 'Cubic'],
  BigRAdjust: ['OneThird', 'None', 'Half', 'TwoThirds', 'Full'],
  BigRRange: ['Min', 'Mid', 'Max'],
  ThirdPartyCommit: ['NoCommit', 'SemiCommit', 'FullCommit'],
  ContestCoalition: ['AllActors', 'Principals', 'Little'],
  ElectionWeight: ['EffectivePower', 'Capability'],
  InterVecBrgn: ['S1P1', 'S2P2', 'S2PMax'],
  BargnModel: ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'],
  StateTransition: ['Deterministic'],
} as const);

export type NamedParameter = keyof typeof PARAMETER_VALUES;

/** What each value does, in one line each (for reports and `--help`). */
export const PARAMETER_MEANINGS: Readonly<Record<NamedParameter, Readonly<Record<string, string>>>> = {
  VictoryProbModel: {
    Linear: 'P = C₁/(C₁+C₂): a 2:1 strength ratio gives the stronger coalition 2/3',
    Square: 'P = C₁²/(C₁²+C₂²): 2:1 gives 4/5',
    Quartic: 'P = C₁⁴/(C₁⁴+C₂⁴): 2:1 gives 16/17',
    Octic: 'P = C₁⁸/(C₁⁸+C₂⁸): 2:1 gives 256/257',
    Binary: 'the stronger coalition wins outright (any difference beyond rounding); a tie is 1/2',
  },
  PCEModel: {
    Conditional: 'each option wins with probability ∝ the product of its pairwise victory probabilities',
    MarkovIncentive:
      'the limiting distribution of a Markov chain in which an option is challenged with probability ∝ the strength of the coalition preferring the challenger',
    MarkovUniform: 'the limiting distribution of a Markov chain in which every other option challenges with equal probability',
  },
  VotingRule: {
    Prop: 'vote = weight × utility difference',
    PropBin: 'vote = weight × (0.8 × difference + 0.2 × its sign)',
    Binary: 'vote = weight × sign of the difference',
    PropCbc: 'vote = weight × (difference + difference³)/2',
    ASymProsp: 'vote = weight × difference for a loss, × 2/3 of it for a gain',
    Cubic: 'vote = weight × difference³',
  },
  BigRAdjust: {
    None: "i takes j's risk attitude to be its own",
    OneThird: "i's estimate lies 1/3 of the way from its own risk attitude to j's",
    Half: 'half way',
    TwoThirds: '2/3 of the way',
    Full: "i knows j's risk attitude",
  },
  BigRRange: {
    Min: 'risk attitudes in [0, 1]: most probable position 1 (averse), least probable 0 (neutral)',
    Mid: 'risk attitudes in [−1/2, 1]: least probable position −1/2 (somewhat risk seeking)',
    Max: 'risk attitudes in [−1, 1]: least probable position −1 (risk seeking)',
  },
  ThirdPartyCommit: {
    NoCommit: 'third parties keep their positions whatever the outcome of a contest they joined',
    SemiCommit: "a third party whose side loses adopts the winner's position",
    FullCommit: "every third party that joined a side adopts the winner's position",
  },
  ContestCoalition: {
    AllActors: 'every actor votes in the contest of a challenge (the coalitions of the SMP papers)',
    Principals: "only the challenger's and the target's own votes decide the contest",
    Little:
      "KTAB's little coalitions: the principals' votes, then each third party in turn joins the side its three-actor contest with the coalitions so far makes worth more to it",
  },
  ElectionWeight: {
    EffectivePower: 'each vote weighs capability × total salience, as in the SMP papers',
    Capability: "each vote weighs the actor's capability alone, as KTAB's source code does",
  },
  InterVecBrgn: {
    S1P1: 'a common position, the average of the two weighted by salience × probability of success',
    S2P2: 'a common position, the average of the two weighted by (salience × probability of success)²',
    S2PMax: "the likelier winner stays; the other moves towards it by (probability gap) × (the winner's share of squared salience)",
  },
  BargnModel: {
    InitOnlyInterp: "one bargain, interpolated with the initiator's estimate of its chance",
    InitRcvrInterp: "the initiator's queue gets the initiator's interpolation, the receiver's queue the receiver's",
    PWCompInterp: 'one bargain, interpolated with the effective-power-weighted average of both estimates',
  },
  StateTransition: { Deterministic: 'the most probable option of each queue wins' },
};

export type ParameterProblem = { ok: true; value: SmpParameters } | { ok: false; problem: string };

/** The defaults overridden by `changes` (e.g. `{ VotingRule: 'Binary' }`), each value checked. */
export function smpParameters(changes: Readonly<Record<string, unknown>> = {}): ParameterProblem {
  const out: Record<string, unknown> = { ...KTAB_DEFAULTS };
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'maxTurns') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 10_000)
        return { ok: false, problem: `maxTurns must be a whole number from 1 to 10000 (got ${String(v)})` };
      out[k] = v;
    } else if (k === 'quietRatio') {
      if (typeof v !== 'number' || !(v >= 0 && v < 1)) return { ok: false, problem: `quietRatio must be a number in [0, 1) (got ${String(v)})` };
      out[k] = v;
    } else if (k in PARAMETER_VALUES) {
      const allowed = PARAMETER_VALUES[k as NamedParameter] as readonly string[];
      if (typeof v !== 'string' || !allowed.includes(v)) return { ok: false, problem: `${k} must be one of ${allowed.join(', ')} (got ${String(v)})` };
      out[k] = v;
    } else {
      return { ok: false, problem: `unknown parameter "${k}" (known: ${[...Object.keys(PARAMETER_VALUES), 'maxTurns', 'quietRatio'].join(', ')})` };
    }
  }
  return { ok: true, value: Object.freeze(out) as unknown as SmpParameters };
}
