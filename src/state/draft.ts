/**
 * A scenario under edit: the shape of a scenario file (the schema's input type) with every
 * number free to hold text, because a field keeps what the user typed until it is a number
 * again (the structural parse then names the problem next to the field). Nothing else is
 * loosened: lists, objects, keys and text are where the schema puts them, so an edit by path
 * reaches what it expects.
 *
 * `ScenarioDraftSchema` checks exactly that shape at run time (for a draft read back from
 * storage): it is derived from ScenarioSchema by keeping its structure and dropping its
 * checks on values, so it cannot drift from the schema.
 */
import * as v from 'valibot';
import { ScenarioSchema } from '../../models/scenario/schema';

/** T with every number (but a literal such as `version: 1`) widened to number | string, and nothing read-only. */
type Draft<T> = T extends number ? (number extends T ? number | string : T) : T extends object ? { -readonly [K in keyof T]: Draft<T[K]> } : T;

export type ScenarioDraft = Draft<v.InferInput<typeof ScenarioSchema>>;

type Node = v.GenericSchema & {
  message?: string;
  pipe?: readonly [v.GenericSchema, ...unknown[]];
  entries?: Record<string, v.GenericSchema>;
  item?: v.GenericSchema;
  items?: v.GenericSchema[];
  key?: v.GenericSchema | string;
  value?: v.GenericSchema;
  wrapped?: v.GenericSchema;
  options?: v.GenericSchema[];
};

/**
 * The draft form of a schema: the same structure (and the same messages), numbers that may be
 * text, no checks on values. A kind of schema it does not know stays as it is, checks included.
 */
function draftOf(schema: v.GenericSchema): v.GenericSchema {
  const s = schema as Node;
  if (s.pipe) return draftOf(s.pipe[0]);
  const all = (xs: v.GenericSchema[]) => xs.map(draftOf);
  switch (s.type) {
    case 'number':
      return v.union([v.number(), v.string()], s.message);
    case 'strict_object':
      return v.strictObject(Object.fromEntries(Object.entries(s.entries!).map(([k, e]) => [k, draftOf(e)])), s.message);
    case 'array':
      return v.array(draftOf(s.item!), s.message);
    case 'record':
      return v.record(draftOf(s.key as v.GenericSchema) as v.GenericSchema<string, string>, draftOf(s.value!), s.message);
    case 'tuple':
      return v.tuple(all(s.items!), s.message);
    case 'optional':
      return v.optional(draftOf(s.wrapped!));
    case 'nullable':
      return v.nullable(draftOf(s.wrapped!));
    case 'union':
      return v.union(all(s.options!), s.message);
    case 'variant':
      return v.variant(s.key as string, all(s.options!) as v.StrictObjectSchema<v.ObjectEntries, undefined>[], s.message);
    default:
      return schema;
  }
}

export const ScenarioDraftSchema = draftOf(ScenarioSchema) as v.GenericSchema<ScenarioDraft>;
