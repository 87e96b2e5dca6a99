/**
 * What a pure reader made of its last `limit` texts, by key: the worker and `rebuild` ask again
 * for the same body within an event (and at every event of its issue). The oldest is dropped
 * first, so what is kept stays under `limit` entries; callers bound each key's size.
 */
export function readLately<V>(limit: number) {
  const kept = new Map<string, V>();
  return (key: string, read: () => V): V => {
    const known = kept.get(key);
    if (known !== undefined) return known;
    const value = read();
    if (kept.size >= limit) kept.delete(kept.keys().next().value as string);
    kept.set(key, value);
    return value;
  };
}
