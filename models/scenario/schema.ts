/**
 * The scenario schema (format version 1), written with valibot. Structural checks only:
 * types, ranges, sizes, unknown keys. Cross-references, duplicates, salience sums and the
 * feasibility of each minimum are checked in `parse.ts`, where the whole scenario is known.
 *
 * Messages are written as "expected …"; `parse.ts` adds the path and what was received, so a
 * problem reads `actors[3].minimum[1].rhs: expected a number, got "x"`.
 */
import * as v from 'valibot';
import { LIMITS } from './limits';

const num = () => v.pipe(v.number('expected a number'), v.finite('expected a finite number'));
const unit01 = () => v.pipe(num(), v.minValue(0, 'expected a number from 0 to 1'), v.maxValue(1, 'expected a number from 0 to 1'));
const signed1 = () => v.pipe(num(), v.minValue(-1, 'expected a number from -1 to 1'), v.maxValue(1, 'expected a number from -1 to 1'));
const text = () => v.pipe(v.string('expected a string'), v.maxLength(LIMITS.textFieldChars, `expected at most ${LIMITS.textFieldChars} characters`));
/** A name a person reads: blank is refused, since the actor list, the graph and the debrief show it. */
const name = () => v.pipe(text(), v.regex(/\S/, 'expected a name that is not blank'));
const id = () =>
  v.pipe(
    v.string('expected a string'),
    v.regex(/^[a-z0-9][a-z0-9_-]*$/, 'expected an id of lower-case letters, digits, "_" or "-"'),
    v.maxLength(LIMITS.idChars, `expected an id of at most ${LIMITS.idChars} characters`),
  );
const list = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(v.array(item, 'expected an array'), v.maxLength(max, `expected at most ${max} ${what}`));
const record = <T extends v.GenericSchema>(value: T) => v.record(v.string('expected a string key'), value, 'expected an object');
const source = () =>
  v.pipe(
    v.string('expected a string'),
    v.regex(/^(seed:\S+|assumption:)/, 'expected a source note starting "seed:<file>" or "assumption:"'),
    v.maxLength(LIMITS.textFieldChars, `expected at most ${LIMITS.textFieldChars} characters`),
  );
/** Unknown keys are refused (a typo must not pass silently); parse.ts words these issues. */
const obj = <E extends v.ObjectEntries>(entries: E) => v.strictObject(entries);

export const NaturalUnitSchema = obj({ name: text(), at0: num(), at1: num() });

export const DimensionSchema = obj({
  id: id(),
  label: text(),
  description: text(),
  low: text(),
  high: text(),
  unit: v.optional(NaturalUnitSchema),
  source: source(),
});

export const FactSchema = obj({ id: id(), label: text(), value: num(), unit: text(), source: source() });

export const ConstraintSchema = obj({
  id: id(),
  label: text(),
  coeffs: record(num()),
  op: v.picklist(['<=', '>='], 'expected "<=" or ">="'),
  rhs: num(),
  tags: v.optional(list(text(), 16, 'tags')),
  source: source(),
});

const postures = v.picklist(['engaged', 'hedging', 'hardline', 'walkedAway'], 'expected a posture (engaged, hedging, hardline, walkedAway)');

/** What an actor's stock of an asset is worth to it as a bargaining chip (see Actor.leverage). */
export const LeverageSchema = obj({
  asset: id(),
  dimension: id(),
  held: v.picklist(['high', 'low'], 'expected "high" or "low"'),
  source: source(),
});

export const ActorSchema = obj({
  id: id(),
  name: name(),
  short: name(),
  description: text(),
  ideal: record(unit01()),
  salience: record(unit01()),
  minimum: list(ConstraintSchema, LIMITS.constraintsPerActor, 'constraints'),
  leverage: v.optional(list(LeverageSchema, 16, 'leverage entries')),
  capability: v.pipe(num(), v.gtValue(0, 'expected a number above 0 and at most 1'), v.maxValue(1, 'expected a number above 0 and at most 1')),
  patience: v.pipe(num(), v.gtValue(0, 'expected a number strictly between 0 and 1'), v.ltValue(1, 'expected a number strictly between 0 and 1')),
  colour: v.optional(v.pipe(v.string('expected a string'), v.regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like "#1f77b4"'))),
  source: source(),
});

export const AssetSchema = obj({
  id: id(),
  name: text(),
  owner: id(),
  coOwners: v.optional(list(id(), 16, 'co-owners')),
  description: text(),
  quantity: v.optional(v.pipe(num(), v.minValue(0, 'expected a number of at least 0'))),
  source: source(),
});

export const EffectSchema = v.union(
  [obj({ dimension: id(), delta: signed1() }), obj({ dimension: id(), set: unit01() })],
  'expected an effect {dimension, delta} or {dimension, set}',
);

export const PreconditionSchema = obj({
  dimension: id(),
  op: v.picklist(['<=', '>='], 'expected "<=" or ">="'),
  value: unit01(),
});

export const MoveSchema = obj({
  id: id(),
  actor: id(),
  label: text(),
  description: text(),
  asset: v.optional(id()),
  consumes: v.optional(v.boolean('expected true or false')),
  uses: v.optional(v.pipe(num(), v.minValue(0, 'expected a number of at least 0'))),
  effects: list(EffectSchema, LIMITS.effectsPerMove, 'effects'),
  preconditions: v.optional(list(PreconditionSchema, 16, 'preconditions')),
  tone: v.picklist(['cooperative', 'neutral', 'hostile'], 'expected "cooperative", "neutral" or "hostile"'),
  targets: v.optional(list(id(), 40, 'targets')),
  postures: v.optional(list(postures, 4, 'postures')),
  source: source(),
});

export const InteractionSchema = obj({
  id: id(),
  when: v.pipe(list(id(), 16, 'moves'), v.minLength(2, 'expected at least 2 moves')),
  effects: list(EffectSchema, LIMITS.effectsPerMove, 'effects'),
  source: source(),
});

export const VariantOpSchema = v.variant(
  'op',
  [
    obj({ op: v.literal('addConstraint'), actor: id(), constraint: ConstraintSchema }),
    obj({ op: v.literal('removeConstraint'), actor: id(), constraint: id() }),
    obj({ op: v.literal('setIdeal'), actor: id(), dimension: id(), value: unit01() }),
    obj({ op: v.literal('setSalience'), actor: id(), salience: record(unit01()) }),
    obj({
      op: v.literal('setCapability'),
      actor: id(),
      value: v.pipe(num(), v.gtValue(0, 'expected a number above 0 and at most 1'), v.maxValue(1, 'expected a number above 0 and at most 1')),
    }),
    obj({
      op: v.literal('setPatience'),
      actor: id(),
      value: v.pipe(num(), v.gtValue(0, 'expected a number strictly between 0 and 1'), v.ltValue(1, 'expected a number strictly between 0 and 1')),
    }),
    obj({ op: v.literal('setState'), dimension: id(), value: unit01() }),
    obj({ op: v.literal('excludeFromCore'), actor: id() }),
  ],
  'expected an operation (addConstraint, removeConstraint, setIdeal, setSalience, setCapability, setPatience, setState, excludeFromCore)',
);

export const VariantSchema = obj({
  id: id(),
  label: text(),
  kind: v.picklist(['variant', 'reading'], 'expected "variant" or "reading"'),
  description: text(),
  ops: list(VariantOpSchema, 64, 'operations'),
  source: source(),
});

/** An event the teacher can inject during a run with one click. */
export const InjectPresetSchema = obj({
  id: id(),
  label: text(),
  effects: v.optional(list(EffectSchema, LIMITS.effectsPerMove, 'effects')),
  postures: v.optional(v.record(id(), postures, 'expected an object of actor → posture')),
});

export const ScenarioSchema = obj({
  format: v.literal('coreplay-scenario', 'expected "coreplay-scenario"'),
  version: v.literal(1, 'expected 1'),
  id: id(),
  title: text(),
  description: text(),
  sources: list(obj({ id: id(), title: text() }), 32, 'sources'),
  dimensions: v.pipe(list(DimensionSchema, LIMITS.dimensions, 'dimensions'), v.minLength(1, 'expected at least 1 dimension')),
  facts: list(FactSchema, 200, 'facts'),
  actors: v.pipe(list(ActorSchema, LIMITS.actors, 'actors'), v.minLength(2, 'expected at least 2 actors')),
  assets: list(AssetSchema, LIMITS.assets, 'assets'),
  moves: list(MoveSchema, LIMITS.moves, 'moves'),
  interactions: list(InteractionSchema, LIMITS.interactions, 'interactions'),
  initialState: record(unit01()),
  variants: list(VariantSchema, LIMITS.variants, 'variants'),
  defaultPair: v.optional(
    v.pipe(
      v.tuple([id(), id()], 'expected two actor ids'),
      v.check((p) => p[0] !== p[1], 'expected two different actors'),
    ),
  ),
  injects: v.optional(list(InjectPresetSchema, 32, 'injects')),
});
