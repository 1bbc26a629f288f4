/**
 * One shape for every object of a kind. V8 gives an object a hidden class by the
 * fields it was made with, in order; code that reads objects of many classes at
 * one place (a rule, a registry entry, a section, for every candidate or figure)
 * goes megamorphic, its slowest path. Objects made in one literal that names
 * every field, absent ones undefined, share one class.
 */

/** Every field of T present, an optional one as undefined: a literal of this type must name them all (a field added to T is not left out). */
export type EveryField<T> = { [K in keyof Required<T>]: T[K] | undefined };

/**
 * One elements kind for every list of objects. V8 gives an empty array, `[]` or what map()
 * makes of an empty list, the kind of small integers, and a full one the kind of objects: a
 * function compiled for lists of objects that then meets an empty one (a report with no
 * figures, no checks) is thrown away and compiled again ("wrong map"), and the large ones
 * that read every figure (the checks, plausibility) were compiled two to five times in a run.
 * An array made with an element and emptied keeps the kind of objects.
 */
export function objectList<T extends object>(): T[] {
  const list: (T | null)[] = [null];
  list.length = 0;
  return list as T[];
}

/** `items.map(f)` into an objectList: the same kind whether or not there are items. */
export function mapObjects<T, U extends object>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out = objectList<U>();
  for (let i = 0; i < items.length; i++) out.push(f(items[i]!, i));
  return out;
}
