/**
 * Keeps only the latest value per key and writes what changed at most every `intervalMs` (one
 * `write` per interval). For notes that say "the last delivery was…": the intake must not spend a
 * Redis round trip per delivery on them. `flush` writes what is pending at once (at shutdown).
 * A failed write is reported to `onError`; the values it held are not retried (a later note
 * replaces them anyway).
 */
export function coalesceLatest<V>(
  write: (entries: [string, V][]) => Promise<void>,
  intervalMs: number,
  onError: (error: unknown) => void,
) {
  let pending = new Map<string, V>();
  let timer: NodeJS.Timeout | undefined;
  const flush = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending.size === 0) return;
    const entries = [...pending];
    pending = new Map();
    await write(entries).catch(onError);
  };
  return {
    note(key: string, value: V) {
      pending.set(key, value);
      timer ??= setTimeout(() => void flush(), intervalMs);
    },
    flush,
  };
}
