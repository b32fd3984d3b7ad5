/**
 * Restriction of a normal-form game to subsets of each player's strategies (what remains after
 * eliminating dominated strategies). Labels, payoffs and exact payoffs are copied for the kept
 * strategies, in the order given; the title, players and comment are kept.
 */
import { type ExactPayoffs, type NormalFormGame, profileCount } from './types';

/**
 * The exact payoffs of a game whose payoff k is payoff `from[k]` of another game (a restriction,
 * the players swapped): a view, so no payoff is read before it is asked for.
 */
export function remapExact(exact: ExactPayoffs, from: Uint32Array): ExactPayoffs {
  return { length: from.length, at: (k) => (k >= 0 && k < from.length ? exact.at(from[k]!) : undefined) };
}

export function restrictGame(game: NormalFormGame, kept: readonly (readonly number[])[]): NormalFormGame {
  const n = game.shape.length;
  const shape = kept.map((k) => k.length);
  const total = profileCount(shape);
  const strides: number[] = [];
  for (let i = 0, s = 1; i < n; i++) {
    strides.push(s);
    s *= game.shape[i]!;
  }
  const payoffs = new Float64Array(total * n);
  const from = game.exact ? new Uint32Array(total * n) : undefined;
  const d = new Array<number>(n).fill(0);
  for (let q = 0; q < total; q++) {
    let src = 0;
    for (let i = 0; i < n; i++) src += kept[i]![d[i]!]! * strides[i]!;
    for (let i = 0; i < n; i++) {
      payoffs[q * n + i] = game.payoffs[src * n + i]!;
      if (from) from[q * n + i] = src * n + i;
    }
    for (let i = 0; i < n; i++) {
      if (++d[i]! < shape[i]!) break;
      d[i] = 0;
    }
  }
  return {
    title: game.title,
    players: [...game.players],
    strategies: kept.map((k, i) => k.map((s) => game.strategies[i]![s]!)),
    shape,
    payoffs,
    ...(from ? { exact: remapExact(game.exact!, from) } : {}),
    ...(game.comment !== undefined ? { comment: game.comment } : {}),
  };
}
