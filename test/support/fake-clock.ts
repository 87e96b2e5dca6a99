import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where Debian's `faketime` package puts libfaketime, per architecture. */
const LIBRARIES = [
  '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1',
  '/usr/lib/faketime/libfaketime.so.1',
];

/**
 * A wall clock for a child process, moved by the test while the process keeps running: libfaketime
 * (Debian package `faketime`, installed by `.ci/run`) re-reads the time from a file on every call.
 * Only the wall clock moves (`FAKETIME_DONT_FAKE_MONOTONIC`), so the process's timers and Redis's
 * blocking calls keep real durations, as in a deployment where the date simply advances.
 * Throws when libfaketime is not installed: the tests that need it must not pass without it.
 */
export function fakeClock(start: string) {
  const library = LIBRARIES.find((path) => existsSync(path));
  if (!library) throw new Error('libfaketime is missing: apt-get install faketime (see .ci/run)');
  const dir = mkdtempSync(join(tmpdir(), 'ob-clock-'));
  const file = join(dir, 'faketime');
  /** Sets the clock to `at` (UTC, `YYYY-MM-DD HH:MM:SS`); it runs on from there. */
  const set = (at: string) => writeFileSync(file, `@${at}\n`);
  set(start);
  return {
    set,
    env: {
      LD_PRELOAD: library,
      FAKETIME_TIMESTAMP_FILE: file,
      FAKETIME_NO_CACHE: '1',
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      TZ: 'UTC',
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
