/**
 * A function remembered per argument in a bounded cache, cleared when full: readers and custom
 * functions ask the same few texts, dates and unit names again and again, over tens of thousands
 * of cells. The function must be pure and never return undefined.
 */
export function remembered<K, V>(fn: (key: K) => V, limit: number): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= limit) cache.clear();
      value = fn(key);
      cache.set(key, value);
    }
    return value;
  };
}
