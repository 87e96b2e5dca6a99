import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE = new URL('./native/slow-fsync.c', import.meta.url).pathname;

/**
 * A disk whose fsync can be made slow or instant, for a redis-server started with `env` (LD_PRELOAD
 * of native/slow-fsync.c, compiled here with the system C compiler). `slow(ms)` makes every fsync
 * from then on wait `ms` before it runs; `slow(0)` restores the disk; `instant()` skips fsync, for
 * tests that kill Redis (not the machine) and must not depend on how fast the machine's disk is.
 * `slowed()` counts the calls made slow so far: a test of a slow disk asserts it is above 0, or a
 * shim that was not loaded (ld.so only warns) or that Redis's disk writes bypass would leave the
 * test passing on a fast disk.
 */
export function slowFsyncDisk() {
  const dir = mkdtempSync(join(tmpdir(), 'ob-fsync-'));
  const library = join(dir, 'slow-fsync.so');
  const control = join(dir, 'fsync-ms');
  const log = join(dir, 'slowed');
  try {
    execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', library, SOURCE, '-ldl'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(
      `could not compile ${SOURCE} with cc (scripts/setup.sh installs a C compiler): ${String((error as { stderr?: Buffer }).stderr ?? error)}`,
    );
  }
  writeFileSync(control, '0');
  return {
    env: { LD_PRELOAD: library, SLOW_FSYNC_FILE: control, SLOW_FSYNC_LOG: log },
    slow: (ms: number) => writeFileSync(control, String(ms)),
    slowed: () => (existsSync(log) ? statSync(log).size : 0),
    instant: () => writeFileSync(control, '-1'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
