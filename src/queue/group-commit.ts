/**
 * Group commit: items submitted while a write is being prepared are written together in one call,
 * and each caller is answered only once that call is acknowledged (or failed).
 *
 * A batch closes at the end of the current turn of the event loop (`setImmediate`), so whatever
 * requests Node parsed in the same I/O phase share one write, and an idle server adds no delay.
 * While `maxInFlight` batches are unacknowledged, new items wait and the next batch grows: under
 * load, round trips are shared; at low rates each item is written at once.
 *
 * `write` gets the items in submission order and returns one result per item, in the same order.
 * When it throws, every item of that batch is rejected with its error (nothing of it may be
 * assumed written or not: callers answer "retry later").
 */
export function groupCommit<I, R>(
  write: (items: readonly I[]) => Promise<readonly R[]>,
  options: { maxBatch?: number; maxInFlight?: number } = {},
) {
  const maxBatch = options.maxBatch ?? 256;
  const maxInFlight = options.maxInFlight ?? 8;
  type Waiter = { item: I; resolve: (result: R) => void; reject: (error: unknown) => void };
  let pending: Waiter[] = [];
  let scheduled = false;
  let inFlight = 0;

  const flush = () => {
    scheduled = false;
    while (pending.length > 0 && inFlight < maxInFlight) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      inFlight += 1;
      void run(batch);
    }
  };

  const run = async (batch: Waiter[]) => {
    try {
      const results = await write(batch.map((waiter) => waiter.item));
      batch.forEach((waiter, i) => {
        waiter.resolve(results[i] as R);
      });
    } catch (error) {
      for (const waiter of batch) waiter.reject(error);
    } finally {
      inFlight -= 1;
      if (pending.length > 0) schedule();
    }
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };

  return (item: I): Promise<R> =>
    new Promise<R>((resolve, reject) => {
      pending.push({ item, resolve, reject });
      schedule();
    });
}
