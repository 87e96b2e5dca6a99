import { closeSync, fdatasyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { quantile, round } from '../lib/stats.js';

export type FsyncTimes = { count: number; p50Ms: number; p99Ms: number; maxMs: number };

/**
 * What the disk under `dir` takes to make a small append durable: `count` appends of 200 bytes,
 * each followed by fdatasync, one after another — the wait Redis adds to every event-loop turn
 * that wrote with `appendfsync always` (redis aof.c, flushAppendOnlyFile: write, then
 * redis_fsync, which is fdatasync on Linux). A floor under the intake's latency on that Redis.
 */
export function measureFsync(dir: string, count: number): FsyncTimes {
  const path = join(dir, 'fsync-probe');
  const fd = openSync(path, 'a');
  const line = Buffer.from(`${'x'.repeat(199)}\n`);
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      writeSync(fd, line);
      fdatasyncSync(fd);
      times.push(performance.now() - start);
    }
  } finally {
    closeSync(fd);
    rmSync(path, { force: true });
  }
  return {
    count,
    p50Ms: round(quantile(times, 0.5), 2),
    p99Ms: round(quantile(times, 0.99), 2),
    maxMs: round(Math.max(...times), 2),
  };
}
