/** Size limits for a scenario: a file or link past these is refused, not parsed. */
export const LIMITS = {
  /** Characters of JSON text. */
  textChars: 2_000_000,
  dimensions: 64,
  /**
   * Actors. The common core answers 'too-large' above COMMON_CORE_MAX_ACTORS (30, in
   * models/analysis/commonCore/commonCore.ts); tests/models/analysis/commonCore checks the two agree.
   */
  actors: 40,
  assets: 400,
  moves: 1_000,
  interactions: 400,
  variants: 100,
  constraintsPerActor: 64,
  effectsPerMove: 64,
  idChars: 64,
  textFieldChars: 4_000,
} as const;
