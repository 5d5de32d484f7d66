/**
 * What the list queries keep per database handle (or transaction): a prepared statement runs on the
 * connections of the handle it was made on, and a handle that is gone takes its entries with it.
 */

/** A map per handle, made on first use. */
export function mapPerHandle<V>(): (db: object) => Map<string, V> {
  const maps = new WeakMap<object, Map<string, V>>();
  return (db) => {
    let map = maps.get(db);
    if (!map) {
      map = new Map();
      maps.set(db, map);
    }
    return map;
  };
}

/** The entry under `key`, made by `make` the first time it is asked for. */
export function kept<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * Stores `value` as the most recently used entry (a map iterates in insertion order) and drops the
 * least recently used beyond `size`.
 */
export function keepRecent<V>(map: Map<string, V>, key: string, value: V, size: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > size) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}
