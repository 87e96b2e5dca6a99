/**
 * A bound on concurrent calls: `limit(fn)` runs `fn` when fewer than `max` are running, in call
 * order, and resolves with its result. Rebuild reads Gitea with it (a few requests in flight:
 * fast over a network, gentle on Gitea).
 */
export function concurrencyLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await fn();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}
