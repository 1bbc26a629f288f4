/**
 * One shape for every object of a kind. V8 gives an object a hidden class by the
 * fields it was made with, in order; code that reads objects of many classes at
 * one place (a rule, a registry entry, a section, for every candidate or figure)
 * goes megamorphic, its slowest path. Objects made in one literal that names
 * every field, absent ones undefined, share one class.
 */

/** Every field of T present, an optional one as undefined: a literal of this type must name them all (a field added to T is not left out). */
export type EveryField<T> = { [K in keyof Required<T>]: T[K] | undefined };
