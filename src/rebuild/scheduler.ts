/**
 * What one replayed event may touch: named resources it reads and writes (`issue:…`, `id:…`,
 * `login:…`, see replay-plan.ts), or everything (`serial`: it runs alone, after every event
 * before it and before every event after it).
 */
export type Access =
  | { serial: true }
  | { serial?: false; reads: readonly string[]; writes: readonly string[] };

/**
 * Runs tasks submitted in a fixed order with at most `max` running at once, so that the result is
 * the one of running them one after another: a task starts after every earlier task that writes
 * what it reads or writes, and after every earlier reader of what it writes (readers-writer order
 * per resource); a serial task waits for every earlier task and holds back every later one.
 * `submit` resolves when the task may have been started (callers submit in order and await it);
 * `drain` waits for every submitted task and rejects with the first failure. After a failure,
 * `submit` rejects with it too, once every task in flight has ended.
 */
export function createOrderedScheduler(max: number) {
  const lastWrite = new Map<string, Promise<void>>();
  const readsSinceWrite = new Map<string, Promise<void>[]>();
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const settle = async () => {
    await Promise.all(running);
  };
  // A failure is reported once the tasks in flight have ended: the caller may then put state back
  // (replay.ts) without a task still writing after it.
  const failedOnceSettled = async (): Promise<never> => {
    await settle();
    throw (failure as { error: unknown }).error;
  };

  /** Submits `task`; resolves once a slot is free (backpressure), never with the task's result. */
  async function submit(access: Access, task: () => Promise<void>): Promise<void> {
    if (failure) return failedOnceSettled();
    if (access.serial) {
      await settle();
      if (failure) return failedOnceSettled();
      await task();
      return;
    }
    while (running.size >= max) await Promise.race(running);
    if (failure) return failedOnceSettled();
    const before = new Set<Promise<void>>();
    for (const name of access.reads) {
      const write = lastWrite.get(name);
      if (write) before.add(write);
    }
    for (const name of access.writes) {
      const write = lastWrite.get(name);
      if (write) before.add(write);
      for (const read of readsSinceWrite.get(name) ?? []) before.add(read);
    }
    // After a failure nothing more runs, as in a replay one after another that stops at it.
    const guarded = () => (failure ? Promise.resolve() : task());
    const done = (before.size === 0 ? guarded() : Promise.all(before).then(guarded)).catch(
      (error: unknown) => {
        failure ??= { error };
      },
    );
    const tracked = done.finally(() => running.delete(tracked));
    running.add(tracked);
    for (const name of access.reads) {
      const reads = readsSinceWrite.get(name);
      if (reads) reads.push(done);
      else readsSinceWrite.set(name, [done]);
    }
    for (const name of access.writes) {
      lastWrite.set(name, done);
      readsSinceWrite.set(name, []);
    }
  }

  async function drain(): Promise<void> {
    await settle();
    lastWrite.clear();
    readsSinceWrite.clear();
    if (failure) return failedOnceSettled();
  }

  return { submit, drain };
}
