/** The glossary: the terms the analysis uses, in plain words for a class. */
export interface GlossaryEntry {
  readonly id: string;
  readonly term: string;
  readonly text: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'ideal-point',
    term: 'Ideal point',
    text: 'The outcome an actor would choose if it could decide alone: its preferred position on every dimension of the issue space.',
  },
  {
    id: 'salience',
    term: 'Salience',
    text: 'How much an actor cares about one dimension compared with the others. An actor’s saliences add up to 100%; a distance from its ideal on a salient dimension costs it more than the same distance on one it barely cares about.',
  },
  {
    id: 'minimum',
    term: 'Minimum (acceptable set)',
    text: 'The outcomes an actor can live with — its bottom line, not its wish. It is written as conditions on the dimensions (“Russian military use at least 0.65”); an outcome that breaks any of them is unacceptable to that actor.',
  },
  {
    id: 'status-quo',
    term: 'Status quo',
    text: 'The state of the world if nobody agrees to anything: the opening position of the scenario. Bargaining solutions measure each side’s gain from it, so it is also called the disagreement point.',
  },
  {
    id: 'common-core',
    term: 'Common core',
    text: 'The outcomes that every actor can accept at once: where all the minimums overlap. If it is empty, no single outcome meets everyone’s bottom line, and any settlement must leave someone out or change someone’s minimum.',
  },
  {
    id: 'most-robust-point',
    term: 'Most robust point (Chebyshev centre)',
    text: 'The outcome inside a set that lies furthest from all of its edges. Its margin says how much the outcome could drift in any direction and still satisfy every condition.',
  },
  {
    id: 'minimal-exit',
    term: 'Minimal exit',
    text: 'A smallest group of actors whose leaving would let a common core exist among those who remain — “smallest” meaning that no member can be dropped from the group and still open one. It shows who stands in the way of an agreement.',
  },
  {
    id: 'maximal-compatible-set',
    term: 'Maximal compatible set',
    text: 'A group of actors whose minimums can all be met together, to which no further actor can be added without breaking that. Each one is a possible coalition of the willing.',
  },
  {
    id: 'reading',
    term: 'Reading and variant',
    text: 'A reading is one interpretation of the scenario that its sources name — for Belarus, a democratic (“golden”) and an authoritarian (“grey”) version of the common core. A variant is a what-if change to the scenario (“Klaipeda reopens”). Both are applied on top of the scenario as it is encoded, which is the baseline.',
  },
  {
    id: 'sensitivity',
    term: 'Sensitivity',
    text: 'How far an assumed bound can move before a conclusion changes — for example before the common core stops being empty. A result that survives a wide interval is robust; one that flips with a small change rests on that assumption.',
  },
  {
    id: 'nash-equilibrium',
    term: 'Nash equilibrium',
    text: 'A choice for every actor such that no actor can do better by changing its own choice while the others keep theirs. In a pure equilibrium each actor picks one move; in a mixed one some actors randomise. An equilibrium is stable, not necessarily good: in the prisoner’s dilemma both sides end up worse off than if they had cooperated.',
  },
  {
    id: 'dominated-move',
    term: 'Dominated move',
    text: 'A move that does worse than some other move whatever the others do. A rational actor never plays it, so it can be struck out; striking out such moves again and again is iterated elimination of dominated strategies.',
  },
  {
    id: 'pareto-optimal',
    term: 'Pareto-optimal',
    text: 'An outcome from which no actor can be made better off without making another worse off. There are usually many; Pareto optimality says nothing about fairness.',
  },
  {
    id: 'correlated-equilibrium',
    term: 'Correlated equilibrium',
    text: 'A way of recommending moves to each actor privately, drawn from a shared lottery, such that no actor gains by ignoring its recommendation. It can reach outcomes no Nash equilibrium reaches; a mediator or a signal can play the role of the lottery.',
  },
  {
    id: 'bargaining-solution',
    term: 'Bargaining solution',
    text: 'A rule that picks one agreement for two parties out of everything they could agree on, measured from what each gets without agreement (the status quo). Different rules encode different ideas of a fair or likely deal.',
  },
  {
    id: 'nash-bargaining',
    term: 'Nash bargaining solution',
    text: 'The agreement that maximises the product of the two parties’ gains over the status quo. Nash showed it is the only rule that is efficient, symmetric, unaffected by rescaling either party’s utility and unaffected by removing options that were not chosen.',
  },
  {
    id: 'kalai-smorodinsky',
    term: 'Kalai–Smorodinsky solution',
    text: 'The efficient agreement that gives each party the same share of the most it could hope to gain. Unlike the Nash solution, it rewards a party whose best possible outcome improves.',
  },
  {
    id: 'rubinstein',
    term: 'Rubinstein bargaining',
    text: 'Two parties take turns making offers, and every round of delay costs each of them according to its patience (discount factor). In equilibrium the first offer is accepted at once; the more patient party gets more, and the first proposer has an edge that shrinks as both become more patient.',
  },
  {
    id: 'patience',
    term: 'Patience (discount factor)',
    text: 'How much an agreement next round is worth to an actor compared with the same agreement now, from 0 (only now counts) to nearly 1 (waiting costs almost nothing). Patient actors can hold out for more.',
  },
  {
    id: 'tu-core',
    term: 'Core (cooperative game)',
    text: 'In a game where value can be shared out freely among the members of a coalition (transferable utility), the divisions of the whole group’s worth that no smaller coalition could beat on its own. It can be empty. It is a different question from the common core, which allows no side payments.',
  },
  {
    id: 'shapley-value',
    term: 'Shapley value',
    text: 'A way to share out what the whole group can achieve: each actor gets its average contribution to a coalition’s worth, taken over every order in which the coalition could have been assembled. It rewards actors who make many coalitions stronger.',
  },
  {
    id: 'nucleolus',
    term: 'Nucleolus',
    text: 'The division that makes the unhappiest coalition as little unhappy as possible, then the next unhappiest, and so on. It always exists, is unique, and lies in the core whenever the core is not empty.',
  },
  {
    id: 'capability',
    term: 'Capability',
    text: 'An actor’s relative power to pull outcomes its way — economic, military or political weight. The spatial forecast weights each actor’s position by it.',
  },
  {
    id: 'spatial-forecast',
    term: 'Spatial forecast',
    text: 'A prediction of where positions move when actors challenge one another, in the family of Bueno de Mesquita’s expected-utility model: each actor weighs what it could win or lose by pressing another, given their capabilities, saliences and the risks each will take.',
  },
];

export const glossaryEntry = (id: string): GlossaryEntry | undefined => GLOSSARY.find((e) => e.id === id);
