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

/**
 * `client` with each of its methods called through `limit`: the replay's reads of Gitea
 * (permissions, users) share the reading's bound, however many events replay side by side.
 */
export function limitedCalls<T extends object>(client: T, limit: ReturnType<typeof concurrencyLimit>): T {
  return Object.fromEntries(
    Object.entries(client).map(([name, value]) => [
      name,
      typeof value === 'function'
        ? (...args: unknown[]) => limit(() => (value as (...a: unknown[]) => Promise<unknown>)(...args))
        : value,
    ]),
  ) as T;
}
