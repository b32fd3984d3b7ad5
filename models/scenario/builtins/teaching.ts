/**
 * Classic two-player teaching games written in the scenario format, so that they run through
 * the same outcome model, rounds and solvers as Belarus. Each player's utility is its own
 * gain dimension (salience 1, ideal 1), so a payoff is simply the gain after the moves.
 * Non-additive payoffs (a crash in chicken, meeting at the same place in the battle of the
 * sexes, an accepted split) come from interactions: effects that apply only when both named
 * moves are played.
 */
const A = 'assumption: textbook payoffs';
const src = [] as { id: string; title: string }[];

const gainDims = (a: string, b: string) => [
  { id: 'gain_a', label: `${a}'s payoff`, description: `What ${a} gets.`, low: 'nothing', high: 'the most', source: A },
  { id: 'gain_b', label: `${b}'s payoff`, description: `What ${b} gets.`, low: 'nothing', high: 'the most', source: A },
];

const player = (id: string, name: string, dim: 'gain_a' | 'gain_b', colour: string, extra: object = {}) => ({
  id,
  name,
  short: name,
  description: `${name} maximises its own payoff.`,
  ideal: { gain_a: dim === 'gain_a' ? 1 : 0, gain_b: dim === 'gain_b' ? 1 : 0 },
  salience: { gain_a: dim === 'gain_a' ? 1 : 0, gain_b: dim === 'gain_b' ? 1 : 0 },
  minimum: [],
  capability: 0.5,
  patience: 0.9,
  colour,
  source: A,
  ...extra,
});

type Eff = { dimension: string; delta: number };
const mv = (id: string, actor: string, label: string, effects: Eff[], tone: 'cooperative' | 'neutral' | 'hostile') => ({
  id,
  actor,
  label,
  description: label,
  effects,
  tone,
  source: A,
});

const game = (id: string, title: string, description: string, rest: object) => ({
  format: 'coreplay-scenario',
  version: 1,
  id,
  title,
  description,
  sources: src,
  facts: [],
  assets: [],
  interactions: [],
  variants: [],
  ...rest,
});

/** Cooperating costs 0.1 and gives the other 0.3: T=0.8 > R=0.7 > P=0.5 > S=0.4. */
export const prisonersDilemma = game(
  'prisoners-dilemma',
  "Prisoner's dilemma",
  'Each player gains by defecting whatever the other does, yet both do better if both cooperate.',
  {
    dimensions: gainDims('Row', 'Column'),
    actors: [player('row', 'Row', 'gain_a', '#1f77b4'), player('column', 'Column', 'gain_b', '#d62728')],
    moves: [
      mv(
        'row_cooperate',
        'row',
        'Cooperate',
        [
          { dimension: 'gain_a', delta: -0.1 },
          { dimension: 'gain_b', delta: 0.3 },
        ],
        'cooperative',
      ),
      mv('row_defect', 'row', 'Defect', [], 'hostile'),
      mv(
        'column_cooperate',
        'column',
        'Cooperate',
        [
          { dimension: 'gain_b', delta: -0.1 },
          { dimension: 'gain_a', delta: 0.3 },
        ],
        'cooperative',
      ),
      mv('column_defect', 'column', 'Defect', [], 'hostile'),
    ],
    initialState: { gain_a: 0.5, gain_b: 0.5 },
  },
);

/** Going straight wins 0.3 and costs the other 0.1; both straight crash (−0.5 each). */
export const chicken = game('chicken', 'Chicken', 'Whoever swerves loses face; if neither swerves, both crash.', {
  dimensions: gainDims('Row', 'Column'),
  actors: [player('row', 'Row', 'gain_a', '#1f77b4'), player('column', 'Column', 'gain_b', '#d62728')],
  moves: [
    mv('row_swerve', 'row', 'Swerve', [], 'cooperative'),
    mv(
      'row_straight',
      'row',
      'Go straight',
      [
        { dimension: 'gain_a', delta: 0.3 },
        { dimension: 'gain_b', delta: -0.1 },
      ],
      'hostile',
    ),
    mv('column_swerve', 'column', 'Swerve', [], 'cooperative'),
    mv(
      'column_straight',
      'column',
      'Go straight',
      [
        { dimension: 'gain_b', delta: 0.3 },
        { dimension: 'gain_a', delta: -0.1 },
      ],
      'hostile',
    ),
  ],
  interactions: [
    {
      id: 'crash',
      when: ['row_straight', 'column_straight'],
      effects: [
        { dimension: 'gain_a', delta: -0.5 },
        { dimension: 'gain_b', delta: -0.5 },
      ],
      source: A,
    },
  ],
  initialState: { gain_a: 0.5, gain_b: 0.5 },
});

/** Both want to meet; each prefers a different place. Meeting at one's own choice: 0.2, at the other's: 0.1. */
export const battleOfTheSexes = game(
  'battle-of-the-sexes',
  'Battle of the sexes',
  'Two players want to spend the evening together but prefer different venues.',
  {
    dimensions: gainDims('Row', 'Column'),
    actors: [player('row', 'Row', 'gain_a', '#1f77b4'), player('column', 'Column', 'gain_b', '#d62728')],
    moves: [
      mv('row_opera', 'row', 'Opera', [], 'neutral'),
      mv('row_football', 'row', 'Football', [], 'neutral'),
      mv('column_opera', 'column', 'Opera', [], 'neutral'),
      mv('column_football', 'column', 'Football', [], 'neutral'),
    ],
    interactions: [
      {
        id: 'meet_at_opera',
        when: ['row_opera', 'column_opera'],
        effects: [
          { dimension: 'gain_a', delta: 0.2 },
          { dimension: 'gain_b', delta: 0.1 },
        ],
        source: A,
      },
      {
        id: 'meet_at_football',
        when: ['row_football', 'column_football'],
        effects: [
          { dimension: 'gain_a', delta: 0.1 },
          { dimension: 'gain_b', delta: 0.2 },
        ],
        source: A,
      },
    ],
    initialState: { gain_a: 0.5, gain_b: 0.5 },
  },
);

/**
 * A one-shot ultimatum over a pie of 1: the proposer offers a fair (50/50) or greedy (80/20)
 * split, the responder accepts or rejects, both choosing at once; a rejection leaves both with
 * nothing. The responder's minimum (at least 0.25) makes the greedy split unacceptable to it,
 * and the players' patiences drive the Rubinstein split of the same pie.
 */
export const ultimatum = game(
  'ultimatum',
  'Ultimatum / split the pie',
  'A proposer offers a split of a pie; the responder takes it or leaves both with nothing.',
  {
    dimensions: gainDims('Proposer', 'Responder'),
    actors: [
      player('proposer', 'Proposer', 'gain_a', '#2ca02c', { patience: 0.9 }),
      player('responder', 'Responder', 'gain_b', '#9467bd', {
        patience: 0.8,
        minimum: [
          {
            id: 'fair-share',
            label: 'Responder: at least a quarter',
            coeffs: { gain_b: 1 },
            op: '>=',
            rhs: 0.25,
            tags: ['fairness'],
            source: 'assumption: fairness norm seen in ultimatum experiments',
          },
        ],
      }),
    ],
    moves: [
      mv('offer_fair', 'proposer', 'Offer 50/50', [], 'cooperative'),
      mv('offer_greedy', 'proposer', 'Offer 80/20', [], 'hostile'),
      mv('accept', 'responder', 'Accept', [], 'cooperative'),
      mv('reject', 'responder', 'Reject', [], 'hostile'),
    ],
    interactions: [
      {
        id: 'fair_accepted',
        when: ['offer_fair', 'accept'],
        effects: [
          { dimension: 'gain_a', delta: 0.5 },
          { dimension: 'gain_b', delta: 0.5 },
        ],
        source: A,
      },
      {
        id: 'greedy_accepted',
        when: ['offer_greedy', 'accept'],
        effects: [
          { dimension: 'gain_a', delta: 0.8 },
          { dimension: 'gain_b', delta: 0.2 },
        ],
        source: A,
      },
    ],
    initialState: { gain_a: 0, gain_b: 0 },
  },
);
