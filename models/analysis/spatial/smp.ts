/**
 * A spatial bargaining model of the SMP family: Bueno de Mesquita's expected-utility model
 * (Bueno de Mesquita 1985, 1994, 2002) as KTAB's Spatial Model of Politics recasts it (Wise,
 * Efird, Lester et al. 2015, "An Introduction to the KAPSARC Toolkit for Behavioral Analysis";
 * Wise, Lester & Efird 2016, "Multidimensional Bargaining using KTAB"; KTAB SMP user guide).
 * Written from those descriptions; the parameters carry KTAB's names and defaults.
 *
 * Actors have a capability c, a position x and a salience s per dimension. Utilities are measured
 * from each actor's current position (its advocacy), as in KTAB: there is no fixed ideal apart
 * from it, so an actor that accepts a bargain also adopts it as its new reference. The weight of
 * a vote is the effective power w = c · Σ_d s_d. A turn:
 *
 * 1. Risk attitudes. A probabilistic Condorcet election (PCE) among all current positions, every
 *    actor voting with risk-neutral utilities, gives each position's probability of winning; the
 *    most probable position's holder is risk averse (R = 1), the least probable's gets the
 *    BigRRange low end (risk.ts). Actor h estimates k's attitude by BigRAdjust.
 *
 * 2. Challenges. Each actor i weighs challenging each j (from its own perspective: utilities with
 *    its estimates of everyone's risk attitude). Every actor n votes between x_i and x_j by the
 *    VotingRule; the coalitions C_ij, C_ji give P = P(i wins) by the VictoryProbModel
 *    (ContestCoalition 'Principals' counts only i's and j's own votes in P; the third parties'
 *    votes then still decide which side each would join, for ThirdPartyCommit; 'Little' builds
 *    the coalitions as KTAB's source does, principals first, then each third party joining the
 *    side its three-actor contest with the coalitions so far makes worth more to it, the
 *    commitments acting there and not in the expected gain below). As in
 *    Bueno de Mesquita's model, j resists with probability equal to its total salience r_j and
 *    otherwise yields (adopts x_i). In a contest the winner's position is adopted by the loser,
 *    and by the third parties ThirdPartyCommit binds (SemiCommit: those who joined the loser;
 *    FullCommit: all who joined). i values a state by the sum of its utilities for every actor's
 *    position (the "even sum" state value), so
 *
 *      EU_i(j) = (1 − r_j) Δ_yield + r_j [P Δ_win + (1 − P) Δ_lose]
 *
 *    with each Δ the change in that sum. i makes its best challenge if it gains (EU > 0).
 *    The commitments only shape this expectation: positions change through bargains alone.
 *
 * 3. Bargains. The challenge becomes a bargain between i and j interpolated by InterVecBrgn with
 *    the probability of success from the perspective BargnModel names (bargain.ts). It joins the
 *    queues of both actors.
 *
 * 4. Choice. Each actor's queue holds the status quo and the bargains it made or received. Every
 *    actor votes over the queue's options (here and in step 1 a vote weighs effective power, or
 *    capability alone with ElectionWeight 'Capability'), valuing each as the state it would produce (the sum of
 *    its utilities for all positions, with its own risk attitude), and the PCE's most probable
 *    option wins (StateTransition Deterministic; ties go to the status quo, then to the earlier
 *    bargain). The actor takes its position in the winning bargain. All actors move together.
 *
 * 5. Stop. When a turn moves nobody ('stable'), when it moves the actors less than quietRatio of
 *    what the first turn moved them ('quiet': KTAB's stopping rule, 1 %), or at maxTurns.
 *
 * Deterministic: no randomness anywhere; ties are broken by actor order.
 * Cost per turn: O(n³ + n²·D) for n actors and D dimensions.
 */
import { interpolateBargain } from './bargain';
import { KTAB_DEFAULTS, type SmpParameters } from './parameters';
import { distance, estimatedRisk, riskFromProbabilities, riskUtility } from './risk';
import type { SmpAdoption, SmpBargain, SmpChallenge, SmpInput, SmpResult, SmpRun, SmpStop, SmpTurn } from './types';
import { coalitions, MIN_COALITION, pce, victoryProbability, vote } from './voting';

/** An expected gain at or below this is no gain (rounding). */
const GAIN_TOLERANCE = 1e-12;

/** What is wrong with an input, or null. Names the actor and the field. */
export function checkInput(input: SmpInput): string | null {
  const D = input.dimensions.length;
  if (D === 0) return 'the scenario has no dimension';
  if (input.actors.length === 0) return 'the scenario has no actor';
  const seen = new Set<string>();
  for (const [i, a] of input.actors.entries()) {
    const who = `actor ${i + 1} ("${a.name}")`;
    if (!a.name.trim()) return `actor ${i + 1} has no name`;
    if (seen.has(a.name)) return `${who}: the name is used twice`;
    seen.add(a.name);
    if (!(Number.isFinite(a.influence) && a.influence >= 0)) return `${who}: influence must be a number ≥ 0 (got ${a.influence})`;
    if (a.position.length !== D || a.salience.length !== D) return `${who}: needs a position and a salience on each of the ${D} dimension(s)`;
    let total = 0;
    for (let d = 0; d < D; d++) {
      const dim = input.dimensions[d]!.name;
      const x = a.position[d]!;
      const s = a.salience[d]!;
      if (!(Number.isFinite(x) && x >= 0 && x <= 100)) return `${who}: position on "${dim}" must lie in [0, 100] (got ${x})`;
      if (!(Number.isFinite(s) && s >= 0 && s <= 100)) return `${who}: salience on "${dim}" must lie in [0, 100] (got ${s})`;
      total += s;
    }
    if (total > 100 + 1e-6) return `${who}: saliences sum to ${total}, more than 100`;
  }
  return null;
}

/** A one-sentence account of the model and its parameters, for reports. */
export function describeMethod(p: SmpParameters): string {
  return (
    `spatial bargaining model of the SMP family (Bueno de Mesquita's expected-utility model as KTAB's SMP recasts it): ` +
    `each turn, risk attitudes from a probabilistic Condorcet election among positions (BigRRange ${p.BigRRange}, estimated with BigRAdjust ${p.BigRAdjust}); ` +
    `each actor makes its best challenge if it expects a gain, the target resisting with probability equal to its salience, ` +
    `contests won by coalitions (ContestCoalition ${p.ContestCoalition}, VotingRule ${p.VotingRule}, VictoryProbModel ${p.VictoryProbModel}, ThirdPartyCommit ${p.ThirdPartyCommit}); ` +
    `challenges become bargains (InterVecBrgn ${p.InterVecBrgn}, BargnModel ${p.BargnModel}); each actor adopts the option of its queue ` +
    `that wins an all-actor vote (PCEModel ${p.PCEModel}, StateTransition ${p.StateTransition}, ElectionWeight ${p.ElectionWeight}); ` +
    `stops when a turn moves less than ${p.quietRatio} of the first turn, or nobody, or after ${p.maxTurns} turns`
  );
}

interface State {
  readonly n: number;
  readonly D: number;
  readonly x: Float64Array[];
  readonly s: Float64Array[];
  readonly w: Float64Array;
  /** The weights of the votes in the elections among positions and over each queue (ElectionWeight). */
  readonly e: Float64Array;
  readonly resist: Float64Array;
}

/** Run the model on a checked input. */
export function runSmp(input: SmpInput, parameters: SmpParameters = KTAB_DEFAULTS): SmpResult {
  const problem = checkInput(input);
  if (problem) return { status: 'invalid', problem };
  const n = input.actors.length;
  const D = input.dimensions.length;
  const s = input.actors.map((a) => Float64Array.from(a.salience, (v) => v / 100));
  const w = Float64Array.from(
    input.actors,
    (a, i) =>
      a.influence *
      Math.min(
        1,
        s[i]!.reduce((t, v) => t + v, 0),
      ),
  );
  // KTAB's own source weighs the votes of its elections by capability alone; the papers by effective power.
  const e = parameters.ElectionWeight === 'Capability' ? Float64Array.from(input.actors, (a) => a.influence) : w;
  const resist = Float64Array.from(s, (si) =>
    Math.min(
      1,
      si.reduce((t, v) => t + v, 0),
    ),
  );
  let x: Float64Array[] = input.actors.map((a) => Float64Array.from(a.position, (v) => v / 100));
  const positions: number[][][] = [input.actors.map((a) => [...a.position])];
  const turns: SmpTurn[] = [];
  let firstMove = 0;
  let stop: SmpStop = 'turn limit';
  for (let t = 1; t <= parameters.maxTurns; t++) {
    const state: State = { n, D, x, s, w, e, resist };
    const turn = smpTurn(state, parameters, t, positions[positions.length - 1]!);
    turns.push(turn.record);
    positions.push(turn.record.positions as number[][]);
    x = turn.next;
    if (t === 1) firstMove = turn.record.moved;
    if (turn.record.moved === 0) {
      stop = 'stable';
      break;
    }
    if (t >= 2 && turn.record.moved < parameters.quietRatio * firstMove) {
      stop = 'quiet';
      break;
    }
  }
  const finalProbabilities = Array.from(positionProbabilities({ n, D, x, s, w, e, resist }, parameters));
  const run: SmpRun = {
    method: describeMethod(parameters),
    parameters,
    actors: input.actors.map((a) => a.name),
    dimensions: input.dimensions.map((d) => d.name),
    effectivePower: Array.from(w, (v) => v),
    positions,
    turns,
    stop,
    finalProbabilities,
  };
  return { status: 'ok', run };
}

/** Distances as each actor sees them: dist[k·n + m] = d_k(x_k, x_m). */
function distances(st: State): Float64Array {
  const { n, x, s } = st;
  const dist = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let m = 0; m < n; m++) dist[k * n + m] = k === m ? 0 : distance(s[k]!, x[k]!, x[m]!);
  return dist;
}

/** The probability that each actor's position wins an election among all positions (risk neutral). */
function positionProbabilities(st: State, p: SmpParameters, dist = distances(st)): Float64Array {
  const { n, e } = st;
  const C = coalitions(p.VotingRule, e, (k, m) => 1 - dist[k * n + m]!, n, n);
  return pce(p.PCEModel, p.VictoryProbModel, C, n);
}

/** One turn (see the file comment): the record and the next positions. */
function smpTurn(st: State, p: SmpParameters, t: number, shown: readonly (readonly number[])[]): { record: SmpTurn; next: Float64Array[] } {
  const { n, x, s, w, e, resist } = st;
  const dist = distances(st);
  const probs = positionProbabilities(st, p, dist);
  const R = riskFromProbabilities(probs, p.BigRRange);

  // h's estimate of k's utility for m's position, filled for one perspective h at a time.
  const U = new Float64Array(n * n);
  const perspective = (h: number) => {
    for (let k = 0; k < n; k++) {
      const r = k === h ? R[h]! : estimatedRisk(p.BigRAdjust, R[h]!, R[k]!);
      for (let m = 0; m < n; m++) U[k * n + m] = riskUtility(dist[k * n + m]!, r);
    }
  };
  const votes = new Float64Array(n);
  const principalsOnly = p.ContestCoalition === 'Principals';
  /** P(i beats j) with the perspective currently in U; leaves each actor's vote in `votes`. */
  const contest = (i: number, j: number): number => {
    if (p.ContestCoalition === 'Little') return littleContest(p, U, w, votes, n, i, j);
    let cij = 0;
    let cji = 0;
    for (let k = 0; k < n; k++) {
      const v = vote(p.VotingRule, w[k]!, U[k * n + i]!, U[k * n + j]!);
      votes[k] = v;
      if (principalsOnly && k !== i && k !== j) continue;
      if (v > 0) cij += v;
      else if (v < 0) cji -= v;
    }
    return victoryProbability(p.VictoryProbModel, cij, cji);
  };

  const challenges: (SmpChallenge | null)[] = [];
  for (let i = 0; i < n; i++) {
    perspective(i);
    let best: SmpChallenge | null = null;
    for (let j = 0; j < n; j++) {
      if (j === i || dist[i * n + j] === 0) continue;
      const P = contest(i, j);
      const eu = expectedGain(p, U, votes, n, i, j, P, resist[j]!);
      if (eu > GAIN_TOLERANCE && (!best || eu > best.expectedUtility))
        best = { initiator: i, target: j, probability: P, expectedUtility: eu, resistance: resist[j]! };
    }
    challenges.push(best);
  }

  // Bargains, and each actor's queue of them.
  const bargains: SmpBargain[] = [];
  const inner: { a: Float64Array; b: Float64Array; i: number; j: number }[] = [];
  const queues: number[][] = Array.from({ length: n }, () => []);
  const add = (b: SmpBargain, a: Float64Array, bb: Float64Array, into: number[]) => {
    bargains.push(b);
    inner.push({ a, b: bb, i: b.initiator, j: b.receiver });
    for (const q of into) queues[q]!.push(bargains.length - 1);
  };
  for (const c of challenges) {
    if (!c) continue;
    const { initiator: i, target: j, probability: P } = c;
    const make = (q: number, perspectiveName: SmpBargain['perspective'], into: number[]) => {
      const r = interpolateBargain(p.InterVecBrgn, x[i]!, x[j]!, s[i]!, s[j]!, q, 1 - q);
      add(
        {
          initiator: i,
          receiver: j,
          probability: q,
          perspective: perspectiveName,
          initiatorPosition: Array.from(r.initiator, (v) => v * 100),
          receiverPosition: Array.from(r.receiver, (v) => v * 100),
        },
        r.initiator,
        r.receiver,
        into,
      );
    };
    if (p.BargnModel === 'InitOnlyInterp') make(P, 'initiator', [i, j]);
    else {
      perspective(j);
      const Pj = contest(i, j);
      if (p.BargnModel === 'InitRcvrInterp') {
        make(P, 'initiator', [i]);
        make(Pj, 'receiver', [j]);
      } else {
        const tot = w[i]! + w[j]!;
        make(tot > 0 ? (w[i]! * P + w[j]! * Pj) / tot : (P + Pj) / 2, 'power-weighted', [i, j]);
      }
    }
  }

  // Each actor's choice: an all-actor vote over the states its queue's options would produce.
  const base = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let sum = 0;
    for (let m = 0; m < n; m++) sum += riskUtility(dist[k * n + m]!, R[k]!);
    base[k] = sum;
  }
  const next = x.map((xi) => Float64Array.from(xi));
  const adoptions: SmpAdoption[] = [];
  for (let k = 0; k < n; k++) {
    const queue = queues[k]!;
    if (queue.length === 0) {
      adoptions.push({ actor: k, bargain: null, support: 1, options: 1, queue: [] });
      continue;
    }
    const m = queue.length + 1;
    const value = new Float64Array(n * m);
    for (let v = 0; v < n; v++) {
      value[v * m] = base[v]!;
      for (let o = 1; o < m; o++) {
        const b = inner[queue[o - 1]!]!;
        value[v * m + o] =
          base[v]! -
          riskUtility(dist[v * n + b.i]!, R[v]!) -
          riskUtility(dist[v * n + b.j]!, R[v]!) +
          riskUtility(distance(s[v]!, x[v]!, b.a), R[v]!) +
          riskUtility(distance(s[v]!, x[v]!, b.b), R[v]!);
      }
    }
    const C = coalitions(p.VotingRule, e, (v, o) => value[v * m + o]!, n, m);
    const pr = pce(p.PCEModel, p.VictoryProbModel, C, m);
    let win = 0;
    for (let o = 1; o < m; o++) if (pr[o]! > pr[win]! * (1 + 1e-12) + 1e-300) win = o;
    if (win > 0) {
      const b = inner[queue[win - 1]!]!;
      next[k] = Float64Array.from(b.i === k ? b.a : b.b);
    }
    adoptions.push({ actor: k, bargain: win === 0 ? null : queue[win - 1]!, support: pr[win]!, options: m, queue: [...queue] });
  }

  let moved = 0;
  for (let k = 0; k < n; k++) moved += distance(s[k]!, x[k]!, next[k]!);
  return {
    record: {
      turn: t,
      riskAttitudes: Array.from(R),
      positionProbabilities: Array.from(probs),
      challenges,
      bargains,
      adoptions,
      // On the input's scale: an actor that keeps its position keeps its number exactly.
      positions: adoptions.map((a, k) => {
        if (a.bargain === null) return [...shown[k]!];
        const b = bargains[a.bargain]!;
        return [...(b.initiator === k ? b.initiatorPosition : b.receiverPosition)];
      }),
      moved,
    },
    next,
  };
}

/**
 * i's expected gain from challenging j, with U holding i's perspective and `votes` each actor's
 * vote for x_i over x_j (positive: it joins i). The state value is Σ_m u_i(x_m) over all actors.
 */
function expectedGain(p: SmpParameters, U: Float64Array, votes: Float64Array, n: number, i: number, j: number, P: number, rj: number): number {
  const a = (m: number) => U[i * n + m]!; // i's utility for m's position
  const ai = a(i);
  const aj = a(j);
  let win = ai - aj; // j adopts x_i
  let lose = aj - ai; // i adopts x_j
  const yieldGain = win;
  // Under little coalitions the commitments act inside the contest (as in KTAB), not here.
  if (p.ThirdPartyCommit !== 'NoCommit' && p.ContestCoalition !== 'Little') {
    for (let k = 0; k < n; k++) {
      if (k === i || k === j || votes[k] === 0) continue;
      const joinedI = votes[k]! > 0;
      const ak = a(k);
      // Losers' supporters adopt the winner's position; under FullCommit the winners' too.
      if (joinedI) {
        lose += aj - ak;
        if (p.ThirdPartyCommit === 'FullCommit') win += ai - ak;
      } else {
        win += ai - ak;
        if (p.ThirdPartyCommit === 'FullCommit') lose += aj - ak;
      }
    }
  }
  return (1 - rj) * yieldGain + rj * (P * win + (1 - P) * lose);
}

/**
 * P(i beats j) by KTAB's "little coalitions" (ContestCoalition 'Little'): the principals' own
 * votes open the two coalitions; then each third party k in turn weighs the three-actor contest
 * it would make with the coalitions as they stand, estimates its side's chance in it, and votes by
 * the sum of its utilities for the three positions the contest could leave (its own included,
 * which ThirdPartyCommit says it must give up on losing), adding its vote to the side it favours.
 * Leaves each actor's vote in `votes`.
 */
function littleContest(p: SmpParameters, U: Float64Array, w: Float64Array, votes: Float64Array, n: number, i: number, j: number): number {
  let cij = MIN_COALITION;
  let cji = MIN_COALITION;
  for (const k of [i, j]) {
    const v = vote(p.VotingRule, w[k]!, U[k * n + i]!, U[k * n + j]!);
    votes[k] = v;
    if (v > 0) cij += v;
    else if (v < 0) cji -= v;
  }
  for (let k = 0; k < n; k++) {
    if (k === i || k === j) continue;
    const uki = U[k * n + i]!;
    const ukj = U[k * n + j]!;
    const ukk = U[k * n + k]!;
    const lean = vote(p.VotingRule, w[k]!, uki, ukj);
    const a = lean > 0 ? cij + lean : cij;
    const b = lean < 0 ? cji - lean : cji;
    const pik = a / (a + b);
    // Sums of k's utilities for the three positions after each outcome (k with i, or k with j).
    const full = p.ThirdPartyCommit === 'FullCommit';
    const none = p.ThirdPartyCommit === 'NoCommit';
    const withIWins = 2 * uki + (full ? uki : ukk);
    const withILoses = 2 * ukj + (none ? ukk : ukj);
    const withJWinsI = 2 * uki + (none ? ukk : uki);
    const withJLoses = 2 * ukj + (full ? ukj : ukk);
    const v = vote(p.VotingRule, w[k]!, pik * withIWins + (1 - pik) * withILoses, pik * withJWinsI + (1 - pik) * withJLoses);
    votes[k] = v;
    if (v > 0) cij += v;
    else if (v < 0) cji -= v;
  }
  return victoryProbability(p.VictoryProbModel, cij - MIN_COALITION, cji - MIN_COALITION);
}
