import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * A CPU profile of this process while `work` runs, written to `dir` as a `.cpuprofile` (for
 * benches that run the bot in the bench's own process, like rebuild: `--cpu-prof` would profile
 * the whole bench). Without `dir`, just runs `work`.
 */
export async function profiled<T>(dir: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!dir) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, 'rebuild.cpuprofile'), JSON.stringify(profile));
    session.disconnect();
  }
}
