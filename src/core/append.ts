/**
 * Appends items to an array in place. `target.push(...items)` passes every item as an argument and
 * overflows the call stack past about 100,000 items (a 300,000-line file does that).
 */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
