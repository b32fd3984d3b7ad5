import { fnv1a } from '../models/game/hash';

/** FNV-1a over the JSON text: a stable fingerprint of an analysis input. */
export function hashInput(x: unknown): string {
  return fnv1a(JSON.stringify(x)).toString(16).padStart(8, '0');
}

/** What every analysis result carries besides its value. */
export interface Provenance<K extends string, P> {
  kind: K;
  /** The algorithm, in words. */
  method: string;
  /** True when the answer is exact (no heuristic, no search cut short). */
  exact: boolean;
  /** The parameters the analysis ran with (besides the scenario). */
  parameters: P;
  /** hashInput of { scenario, ...parameters }, or of the whole input when it holds more than the parameters. */
  inputHash: string;
  /** Wall time in ms, when the caller passed a clock (0 otherwise). */
  ms: number;
}

/**
 * An ok result with its provenance: the input hash is taken over { scenario, ...parameters },
 * or over { scenario, ...input } when the input holds more than is worth echoing back (a round's
 * starting position and record, say).
 */
export function provenance<K extends string, P extends object, R>(
  kind: K,
  scenario: unknown,
  parameters: P,
  method: string,
  exact: boolean,
  ms: number,
  report: R,
  input: object = parameters,
): { status: 'ok'; report: R } & Provenance<K, P> {
  return { status: 'ok', kind, method, exact, parameters, inputHash: hashInput({ scenario, ...input }), ms, report };
}

export type Invalid<K extends string> = { status: 'invalid'; kind: K; problem: string };
