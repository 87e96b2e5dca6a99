import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A bench script running in its own Node process (TypeScript through tsx), spoken to over IPC. */
export type Child = {
  process: ChildProcess;
  /** The next message the child sends (its "ready" message is the first). */
  next: <T>() => Promise<T>;
  send: (message: unknown) => void;
  /** The CPU time (µs, user + system) the child has used so far (children that call `onStop`). */
  cpuMicros: () => Promise<number>;
  /** Asks the child to stop cleanly (so `--cpu-prof` can write its profile), then waits for the exit. */
  stop: () => Promise<void>;
};

export type ChildOptions = {
  args?: string[];
  env?: Record<string, string>;
  cpuProfDir?: string;
  nodeArgs?: string[];
};

export function startChild(script: URL, options: ChildOptions = {}): Child {
  const profile = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : [];
  const child = fork(fileURLToPath(script), options.args ?? [], {
    execArgv: ['--import', 'tsx', ...profile, ...(options.nodeArgs ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const inbox: unknown[] = [];
  const waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void }[] = [];
  child.on('message', (message) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(message);
    else inbox.push(message);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.on('error', (error) => {
    for (const waiter of waiting.splice(0)) waiter.reject(error);
  });
  child.once('exit', (code, signal) => {
    for (const waiter of waiting.splice(0))
      waiter.reject(new Error(`${script.pathname} exited (${code ?? signal}) before answering`));
  });
  return {
    process: child,
    next: <T>() =>
      inbox.length > 0
        ? Promise.resolve(inbox.shift() as T)
        : child.exitCode !== null
          ? Promise.reject(new Error(`${script.pathname} has exited`))
          : new Promise<T>((resolve, reject) =>
              waiting.push({ resolve: (value) => resolve(value as T), reject }),
            ),
    send: (message) => {
      child.send(message as object);
    },
    cpuMicros: async () => {
      child.send('cpu');
      const answer = await new Promise<unknown>((resolve, reject) => {
        if (inbox.length > 0) resolve(inbox.shift());
        else waiting.push({ resolve, reject });
      });
      return (answer as { cpuMicros: number }).cpuMicros;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // The child may be exiting on its own already: a failed send is not an error then.
      if (child.connected) child.send('stop', () => undefined);
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** In a child: tells the parent something (the first message is "ready"); resolves once it is sent. */
export function tell(message: object): Promise<void> {
  return new Promise((resolve) => {
    if (process.send) process.send(message, () => resolve());
    else resolve();
  });
}

/** In a child: runs `cleanup` and exits when the parent says "stop" or goes away. */
export function onStop(cleanup: () => Promise<unknown> = async () => undefined): void {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await cleanup().catch((error) => console.error(error));
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
    // The CPU this process used so far (user + system, µs): the bench's load-independent cost figure.
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      void tell({ cpuMicros: user + system });
    }
  });
  process.on('disconnect', () => void stop());
}
