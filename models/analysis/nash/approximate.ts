/**
 * One approximate Nash equilibrium of an n-player game by following the logit quantal-response
 * path (McKelvey & Palfrey 1995; the homotopy of Turocy, "A dynamic homotopy interpretation of
 * the logistic quantal response equilibrium correspondence", Games Econ. Behav. 51, 2005, which
 * gambit-logit implements), then polishing on the support it points to.
 *
 * Path. For λ ≥ 0 the logit equilibrium σ(λ) solves, for every player i and strategy s,
 *   ln σᵢₛ − ln σᵢ₀ = λ·(Uᵢₛ − Uᵢ₀),   Σₛ σᵢₛ = 1,        Uᵢₛ = uᵢ(s, σ₋ᵢ),
 * in the unknowns (ln σ, λ). At λ = 0 the solution is uniform play; for generic games the branch
 * starting there is a smooth curve whose limit as λ → ∞ is a Nash equilibrium (the "principal
 * branch"). It is traced by predictor–corrector continuation (Allgower & Georg, "Introduction to
 * Numerical Continuation Methods", ch. 2): an Euler step along the tangent (the null vector of
 * the K×(K+1) Jacobian, from a Householder QR of its transpose, oriented to continue the previous
 * tangent so the path may turn back in λ), then Newton steps with the Moore–Penrose inverse;
 * the step length grows after easy corrections and halves after failed ones. Log-probabilities
 * keep strategies that die out (σ ~ e^{−λ·gap}) representable. Payoffs are scaled by their range
 * so λ is scale-free; where the game keeps exact payoffs the scaling is done in rationals, so
 * payoffs that doubles cannot tell apart (20-digit integers) still differ. A game with a payoff
 * beyond the range of a double is answered 'not-applicable': this method computes in doubles.
 *
 * Polish. Every time λ has grown by half, the strategies with σ ≥ 10⁻⁶·max (then 10⁻³, 10⁻⁹) are
 * taken as the support and the equilibrium equations restricted to it (indifference between
 * support strategies, each player's probabilities summing to 1) are solved by Newton's method;
 * the result is kept if its probabilities are non-negative and its regret is smaller. This usually
 * reaches regret ~1e-15, where the path alone would need λ ≈ 1/ε.
 *
 * Restarts. Where the path turns too sharply for the corrector (non-generic or nearly so), the
 * method polishes where it stopped and, if that is not an equilibrium, follows the logit path from
 * another prior (Turocy 2005: any interior starting point σ(0) = π works, the equations gaining
 * ln πᵢₛ − ln πᵢ₀), drawn from a seeded generator, up to `restarts` times.
 *
 * The answer is approximate (`exact: false`) and carries its regret (max gain from a unilateral
 * deviation, in the game's own payoff units). Status 'ok' when the regret is at most
 * `tolerance` × payoff range; otherwise 'failed' with the best point found. Non-generic games
 * (continua, bifurcations on the path) may stop early. Cost per step O(profiles × n²) for the
 * Jacobian plus O(K³); games with more than `maxProfiles` profiles are answered 'too-large'.
 */
import { type NormalFormGame, profileCount } from '../../game/types';
import { solveInPlace } from '../../game/linalg';
import { mulberry32 } from '../../game/random';
import { cmp, div, exactPayoff, isZero, sub, toNumber } from '../../game/rational';
import { comparePayoffs, expectedPayoffs, regret as regretOf } from './regret';
import type { MixedEquilibrium, StopOptions } from './types';

export interface ApproximateOptions extends StopOptions {
  /** Accept when regret ≤ tolerance × (max payoff − min payoff). Default 1e-9. */
  readonly tolerance?: number;
  /** Give up beyond this λ (scaled payoffs). Default 1e9. */
  readonly maxLambda?: number;
  /** Steps per path (default 5,000). */
  readonly maxSteps?: number;
  /** Default 100,000 profiles. */
  readonly maxProfiles?: number;
  /** Further paths from random interior priors when a path stalls (default 8). */
  readonly restarts?: number;
  /** Random numbers in [0, 1) for the restart priors; default a generator seeded with `seed` (1). */
  readonly random?: () => number;
  readonly seed?: number;
}

export interface ApproximateResult {
  /** 'not-applicable': a payoff, or the spread of the payoffs, is beyond the range of a double. */
  readonly status: 'ok' | 'too-large' | 'cancelled' | 'failed' | 'not-applicable';
  readonly method: 'logit';
  readonly exact: false;
  readonly equilibria: MixedEquilibrium[];
  /** λ where the answer was found (payoffs scaled to [0, 1]). */
  readonly lambda: number;
  readonly steps: number;
  /** Paths followed (1 + restarts used). */
  readonly paths: number;
  readonly message?: string;
}

interface Layout {
  readonly n: number;
  readonly shape: readonly number[];
  readonly off: number[];
  readonly K: number;
}

/**
 * U[a] = uᵢ(s, σ₋ᵢ) for a = (i, s), and D[a·K + b] = uᵢ(s, t, σ₋ᵢⱼ) for b = (j, t), j ≠ i
 * (0 when j = i), from the scaled payoffs. One pass over the profiles, O(profiles × n²).
 */
function derivatives(L: Layout, pay: Float64Array, sigma: Float64Array, U: Float64Array, D: Float64Array): void {
  const { n, shape, off, K } = L;
  D.fill(0);
  const total = profileCount(shape);
  const q = new Int32Array(n);
  const p = new Float64Array(n);
  const pre = new Float64Array(n + 1);
  const suf = new Float64Array(n + 1);
  for (let x = 0; x < total; x++) {
    for (let j = 0; j < n; j++) p[j] = sigma[off[j]! + q[j]!]!;
    pre[0] = 1;
    for (let j = 0; j < n; j++) pre[j + 1] = pre[j]! * p[j]!;
    suf[n] = 1;
    for (let j = n - 1; j >= 0; j--) suf[j] = suf[j + 1]! * p[j]!;
    for (let i = 0; i < n; i++) {
      const ai = off[i]! + q[i]!;
      let mid = 1; // product of p over players strictly between i and j
      for (let j = i + 1; j < n; j++) {
        const w = pre[i]! * mid * suf[j + 1]!;
        if (w !== 0) {
          const bj = off[j]! + q[j]!;
          D[ai * K + bj]! += w * pay[x * n + i]!;
          D[bj * K + ai]! += w * pay[x * n + j]!;
        }
        mid *= p[j]!;
      }
    }
    for (let j = 0; j < n; j++) {
      if (++q[j]! < shape[j]!) break;
      q[j] = 0;
    }
  }
  // U from any other player's marginal: Uᵢₛ = Σ_t σ_jt D[(i,s),(j,t)].
  for (let i = 0; i < n; i++) {
    const j = i === 0 ? 1 : 0;
    for (let s = 0; s < shape[i]!; s++) {
      const a = off[i]! + s;
      let u = 0;
      for (let t = 0; t < shape[j]!; t++) u += sigma[off[j]! + t]! * D[a * K + off[j]! + t]!;
      U[a] = u;
    }
  }
}

/** Householder QR of the (K+1)×K matrix At (row-major); returns the null vector of Aᵀ and a solver for Aᵀ⁺. */
function qr(At: Float64Array, K: number): { nullVec: Float64Array; pinv: (h: Float64Array) => Float64Array } | undefined {
  const R = K + 1;
  const M = Float64Array.from(At);
  const vs: Float64Array[] = [];
  for (let c = 0; c < K; c++) {
    let norm = 0;
    for (let r = c; r < R; r++) norm += M[r * K + c]! ** 2;
    norm = Math.sqrt(norm);
    const v = new Float64Array(R);
    if (norm === 0) return undefined;
    const alpha = M[c * K + c]! > 0 ? -norm : norm;
    for (let r = c; r < R; r++) v[r] = M[r * K + c]!;
    v[c]! -= alpha;
    let vn = 0;
    for (let r = c; r < R; r++) vn += v[r]! ** 2;
    if (vn === 0) return undefined;
    for (let k = c; k < K; k++) {
      let dot = 0;
      for (let r = c; r < R; r++) dot += v[r]! * M[r * K + k]!;
      const f = (2 * dot) / vn;
      for (let r = c; r < R; r++) M[r * K + k]! -= f * v[r]!;
    }
    vs.push(v);
  }
  // Q = H_0 H_1 … H_{K-1}; apply to a vector from the right-most reflection.
  const applyQ = (x: Float64Array) => {
    for (let c = K - 1; c >= 0; c--) {
      const v = vs[c]!;
      let dot = 0;
      let vn = 0;
      for (let r = c; r < R; r++) {
        dot += v[r]! * x[r]!;
        vn += v[r]! ** 2;
      }
      const f = (2 * dot) / vn;
      for (let r = c; r < R; r++) x[r]! -= f * v[r]!;
    }
    return x;
  };
  for (let c = 0; c < K; c++) if (Math.abs(M[c * K + c]!) < 1e-300) return undefined;
  const e = new Float64Array(R);
  e[K] = 1;
  const nullVec = applyQ(e);
  // Aᵀ = Q R  ⇒  A⁺h = Q [R⁻ᵀ h; 0]
  const pinv = (h: Float64Array) => {
    const w = new Float64Array(R);
    for (let c = 0; c < K; c++) {
      let s = h[c]!;
      for (let k = 0; k < c; k++) s -= M[k * K + c]! * w[k]!;
      w[c] = s / M[c * K + c]!;
    }
    return applyQ(w);
  };
  return { nullVec, pinv };
}

/**
 * The payoffs scaled to [0, 1] by the range of all payoffs, and that range. Where the game keeps
 * exact payoffs, the scaling is done in rationals and rounded once, so payoffs that doubles
 * cannot tell apart (20-digit integers) still differ here.
 */
function unitPayoffs(game: NormalFormGame): { pay: Float64Array; range: number } {
  const { payoffs, exact } = game;
  if (!exact) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of payoffs) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = hi - lo;
    return { pay: range > 0 ? payoffs.map((v) => (v - lo) / range) : new Float64Array(payoffs.length), range: Math.max(range, 0) };
  }
  const vals = Array.from(payoffs, (_, k) => exactPayoff(game, k));
  let lo = vals[0]!;
  let hi = vals[0]!;
  for (const v of vals) {
    if (cmp(v, lo) < 0) lo = v;
    if (cmp(v, hi) > 0) hi = v;
  }
  const range = sub(hi, lo);
  if (isZero(range)) return { pay: new Float64Array(payoffs.length), range: 0 };
  return { pay: Float64Array.from(vals, (v) => toNumber(div(sub(v, lo), range)!)), range: toNumber(range) };
}

export function approximateMixed(game: NormalFormGame, opts: ApproximateOptions = {}): ApproximateResult {
  const { shape } = game;
  const n = shape.length;
  const total = profileCount(shape);
  const base = { method: 'logit' as const, exact: false as const };
  const maxProfiles = opts.maxProfiles ?? 100_000;
  if (total > maxProfiles)
    return { ...base, status: 'too-large', equilibria: [], lambda: 0, steps: 0, paths: 0, message: `${total} profiles exceed the limit of ${maxProfiles}` };
  // The method computes in doubles: a payoff (or the spread of the payoffs) a double cannot hold
  // would turn its payoffs and regrets into Infinity or NaN.
  const huge = game.payoffs.findIndex((v) => !Number.isFinite(v));
  if (huge >= 0)
    return {
      ...base,
      status: 'not-applicable',
      equilibria: [],
      lambda: 0,
      steps: 0,
      paths: 0,
      message: `payoff ${huge + 1} (player ${(huge % n) + 1} in profile ${Math.floor(huge / n) + 1}) is beyond the range of a double (about ±1.8e308), and the logit method computes in doubles`,
    };
  const { pay, range } = unitPayoffs(game);
  if (!Number.isFinite(range))
    return {
      ...base,
      status: 'not-applicable',
      equilibria: [],
      lambda: 0,
      steps: 0,
      paths: 0,
      message: 'the payoffs span more than the range of a double (about 1.8e308), and the logit method computes in doubles',
    };
  // Regret in the game's units: from the scaled payoffs where the doubles are not exact.
  const unit: NormalFormGame | undefined = game.exact ? { ...game, payoffs: pay, exact: undefined } : undefined;
  const regretIn = (sig: number[][]) => (unit ? range * regretOf(unit, sig) : regretOf(game, sig));
  let paths = 0;
  const finish = (sig: number[][], status: ApproximateResult['status'], lambda: number, steps: number, message?: string): ApproximateResult => {
    const regret = regretIn(sig);
    const payoffs = expectedPayoffs(game, sig);
    if (![regret, ...payoffs, ...sig.flat()].every(Number.isFinite))
      return {
        ...base,
        status: 'failed',
        equilibria: [],
        lambda,
        steps,
        paths,
        message: 'the computation in doubles broke down (a probability, payoff or regret is not a finite number)',
      };
    return { ...base, status, equilibria: [{ strategies: sig, payoffs, regret }], lambda, steps, paths, ...(message ? { message } : {}) };
  };
  // Degenerate inputs: constant payoffs (everything is an equilibrium), or a single player.
  if (!(range > 0) || n === 1) {
    const sig = shape.map((k) => Array.from({ length: k }, (_, s) => (s === 0 ? 1 : 0)));
    if (n === 1 && range > 0) {
      let best = 0;
      for (let s = 1; s < shape[0]!; s++) if (comparePayoffs(game, s, best) > 0) best = s;
      sig[0] = sig[0]!.map((_, s) => (s === best ? 1 : 0));
    }
    return finish(sig, 'ok', 0, 0);
  }
  const tol = (opts.tolerance ?? 1e-9) * range;
  const random = opts.random ?? mulberry32(opts.seed ?? 1);
  let best: PathResult | undefined;
  let steps = 0;
  const restarts = opts.restarts ?? 8;
  for (let attempt = 0; attempt <= restarts; attempt++) {
    // first the centroid (the principal branch), then random interior priors
    const prior = shape.map((k) => {
      if (attempt === 0) return new Array<number>(k).fill(1 / k);
      const w = Array.from({ length: k }, () => 0.05 + random());
      const sum = w.reduce((a, b) => a + b, 0);
      return w.map((x) => x / sum);
    });
    const r = tracePath(shape, pay, regretIn, prior, tol, opts, steps);
    paths++;
    steps += r.steps;
    if (!best || r.regret < best.regret) best = r;
    if (r.cancelled) return finish(best.sigma, 'cancelled', best.lambda, steps);
    if (best.regret <= tol) return finish(best.sigma, 'ok', best.lambda, steps);
  }
  return finish(best!.sigma, 'failed', best!.lambda, steps, `regret ${best!.regret} above tolerance after ${restarts + 1} paths (${best!.message})`);
}

interface PathResult {
  sigma: number[][];
  regret: number;
  lambda: number;
  steps: number;
  cancelled: boolean;
  message: string;
}

/**
 * Follow the logit path from σ(0) = prior (Turocy 2005 allows any interior prior: the equations
 * gain the constant ln πᵢₛ − ln πᵢ₀), polishing along the way; returns the best point seen.
 */
function tracePath(
  shape: readonly number[],
  pay: Float64Array,
  regretIn: (sig: number[][]) => number,
  prior: number[][],
  tol: number,
  opts: ApproximateOptions,
  stepsBefore: number,
): PathResult {
  const n = shape.length;
  const off: number[] = [];
  let K = 0;
  for (const k of shape) {
    off.push(K);
    K += k;
  }
  const Lay: Layout = { n, shape, off, K };
  const maxLambda = opts.maxLambda ?? 1e9;
  const maxSteps = opts.maxSteps ?? 5_000;
  const logPrior = new Float64Array(K);
  for (let i = 0; i < n; i++) for (let s = 0; s < shape[i]!; s++) logPrior[off[i]! + s] = Math.log(prior[i]![s]!) - Math.log(prior[i]![0]!);

  const sigma = new Float64Array(K);
  const U = new Float64Array(K);
  const D = new Float64Array(K * K);
  const H = new Float64Array(K);
  const At = new Float64Array((K + 1) * K); // Jacobian transposed: At[col·K + row]

  const evaluate = (z: Float64Array, withJac: boolean) => {
    const lambda = z[K]!;
    for (let a = 0; a < K; a++) sigma[a] = Math.exp(z[a]!);
    derivatives(Lay, pay, sigma, U, D);
    for (let i = 0; i < n; i++) {
      const o = off[i]!;
      let sum = 0;
      for (let s = 0; s < shape[i]!; s++) sum += sigma[o + s]!;
      H[o] = sum - 1;
      for (let s = 1; s < shape[i]!; s++) H[o + s] = z[o + s]! - z[o]! - lambda * (U[o + s]! - U[o]!) - logPrior[o + s]!;
    }
    if (!withJac) return;
    At.fill(0);
    for (let i = 0; i < n; i++) {
      const o = off[i]!;
      for (let s = 0; s < shape[i]!; s++) At[(o + s) * K + o] = sigma[o + s]!;
      for (let s = 1; s < shape[i]!; s++) {
        const row = o + s;
        At[(o + s) * K + row] = 1;
        At[o * K + row] = -1;
        for (let j = 0; j < n; j++) {
          if (j === i) continue;
          for (let t = 0; t < shape[j]!; t++) {
            const b = off[j]! + t;
            At[b * K + row] = -lambda * (D[row * K + b]! - D[o * K + b]!) * sigma[b]!;
          }
        }
        At[K * K + row] = -(U[row]! - U[o]!);
      }
    }
  };
  const norm = (v: Float64Array) => Math.sqrt(v.reduce((t, x) => t + x * x, 0));
  const toProfile = (x: Float64Array | number[]) => shape.map((k, i) => Array.from({ length: k }, (_, t) => x[off[i]! + t]!));

  let z: Float64Array = new Float64Array(K + 1);
  for (let i = 0; i < n; i++) for (let s = 0; s < shape[i]!; s++) z[off[i]! + s] = Math.log(prior[i]![s]!);
  let best = toProfile(z.map(Math.exp));
  let bestRegret = regretIn(best);
  let bestLambda = 0;
  const consider = (sig: number[][], lambda: number) => {
    const r = regretIn(sig);
    if (r < bestRegret) {
      best = sig;
      bestRegret = r;
      bestLambda = lambda;
    }
  };
  const tryPolish = (from: Float64Array, lambda: number) => {
    for (const cut of [1e-6, 1e-3, 1e-9]) {
      const pol = polish(Lay, pay, from, cut);
      if (pol) consider(toProfile(pol), lambda);
      if (bestRegret <= tol) return;
    }
  };
  const result = (message: string, cancelled = false): PathResult => ({ sigma: best, regret: bestRegret, lambda: bestLambda, steps, cancelled, message });

  let tangent: Float64Array | undefined;
  let h = 0.03;
  let nextPolish = 1;
  let steps = 0;
  for (; steps < maxSteps; steps++) {
    if (opts.shouldStop && (stepsBefore + steps) % 16 === 0 && opts.shouldStop()) return result('cancelled', true);
    evaluate(z, true);
    const f = qr(At, K);
    if (!f) {
      tryPolish(Float64Array.from(z.subarray(0, K), Math.exp), z[K]!);
      return result('singular Jacobian on the path');
    }
    const t = f.nullVec;
    const orient = tangent ? t.reduce((acc, x, k) => acc + x * tangent![k]!, 0) : t[K]!;
    if (orient < 0) for (let k = 0; k <= K; k++) t[k] = -t[k]!;
    tangent = t;
    // predictor–corrector with step control
    let accepted: Float64Array | undefined;
    let iters = 0;
    while (!accepted) {
      const zp = z.map((v, k) => v + h * t[k]!);
      let ok = false;
      let prev = Infinity;
      for (iters = 0; iters < 8; iters++) {
        evaluate(zp, true);
        const g = qr(At, K);
        if (!g) break;
        const dz = g.pinv(H);
        const dn = norm(dz);
        if (!(dn < 0.5 * Math.max(h, 1e-3)) || dn > 0.7 * prev + 1e-12 * (1 + norm(zp))) break;
        for (let k = 0; k <= K; k++) zp[k]! -= dz[k]!;
        prev = dn;
        if (dn < 1e-10 * (1 + norm(zp))) {
          ok = true;
          break;
        }
      }
      if (ok && zp[K]! >= 0) accepted = zp;
      else {
        h /= 2;
        if (h < 1e-10 * (1 + norm(z))) {
          // a sharp turn the corrector cannot follow: try the supports the path points to
          tryPolish(Float64Array.from(z.subarray(0, K), Math.exp), z[K]!);
          return result('step size underflow on the path');
        }
      }
    }
    z = accepted;
    if (iters <= 2) h = Math.min(h * 1.6, 1e6);
    const lambda = z[K]!;
    consider(toProfile(z.map(Math.exp)), lambda);
    if (lambda >= nextPolish) {
      nextPolish = lambda * 1.5;
      tryPolish(Float64Array.from(z.subarray(0, K), Math.exp), lambda);
    }
    if (bestRegret <= tol) return result('converged');
    if (lambda > maxLambda) return result(`λ above ${maxLambda}`);
  }
  return result(`${steps} steps`);
}

/**
 * Newton's method on the equilibrium equations restricted to the support {σ ≥ cut · max σ}: for each
 * player, U_is = U_ir for support strategies s (r the first), Σ σ = 1, others 0. Returns the
 * polished σ, or undefined if Newton fails or leaves the simplex.
 */
function polish(L: Layout, pay: Float64Array, start: Float64Array, cut: number): Float64Array | undefined {
  const { n, shape, off, K } = L;
  const supp: number[] = [];
  for (let i = 0; i < n; i++) {
    let mx = 0;
    for (let s = 0; s < shape[i]!; s++) mx = Math.max(mx, start[off[i]! + s]!);
    for (let s = 0; s < shape[i]!; s++) if (start[off[i]! + s]! >= cut * Math.max(mx, 1e-300)) supp.push(off[i]! + s);
  }
  const N = supp.length;
  const owner = new Int32Array(K);
  for (let i = 0; i < n; i++) for (let s = 0; s < shape[i]!; s++) owner[off[i]! + s] = i;
  const sigma = new Float64Array(K);
  for (const a of supp) sigma[a] = start[a]!;
  const U = new Float64Array(K);
  const D = new Float64Array(K * K);
  const J = new Float64Array(N * N);
  const F = new Float64Array(N);
  for (let it = 0; it < 30; it++) {
    derivatives(L, pay, sigma, U, D);
    // rows: for each player, first support strategy → sum row; others → indifference with it
    let fn = 0;
    J.fill(0);
    for (let r = 0; r < N; r++) {
      const a = supp[r]!;
      const i = owner[a]!;
      const ref = supp.find((x) => owner[x] === i)!;
      if (a === ref) {
        let sum = -1;
        for (let c = 0; c < N; c++)
          if (owner[supp[c]!] === i) {
            sum += sigma[supp[c]!]!;
            J[r * N + c] = 1;
          }
        F[r] = sum;
      } else {
        F[r] = U[a]! - U[ref]!;
        for (let c = 0; c < N; c++) {
          const b = supp[c]!;
          if (owner[b] === i) continue;
          J[r * N + c] = D[a * K + b]! - D[ref * K + b]!;
        }
      }
      fn = Math.max(fn, Math.abs(F[r]!));
    }
    if (fn < 1e-15) break;
    const dx = Float64Array.from(F);
    if (!solveInPlace(Float64Array.from(J), N, dx)) return undefined;
    for (let c = 0; c < N; c++) sigma[supp[c]!]! -= dx[c]!;
    if (it === 29 && fn > 1e-9) return undefined;
  }
  for (const a of supp) {
    if (sigma[a]! < -1e-12) return undefined;
    if (sigma[a]! < 0) sigma[a] = 0;
  }
  return sigma;
}
