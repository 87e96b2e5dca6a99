import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, openDataDirRedis } from '../../src/redis/data-dir.js';
import { startEmbeddedRedis } from '../../src/redis/embedded.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'ob-data-'));

describe('one embedded Redis per data directory', () => {
  it('a command run while the bot serves connects to the bot’s Redis: what it writes, the bot sees', async () => {
    const dir = dataDir();
    const bot = await openDataDirRedis(dir, { owner: 'serve', command: 'serve' });
    const lock = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(lock).toEqual({
      pid: process.pid,
      port: Number(new URL(bot.url).port),
      owner: 'serve',
      command: 'serve',
    });
    const cli = await openDataDirRedis(dir, { owner: 'tool', command: 'payroll open' });
    expect(cli).toMatchObject({ url: bot.url, shared: true });
    const cliClient = new Redis(cli.url);
    const botClient = new Redis(bot.url);
    try {
      await cliClient.set('ob:test:payroll', '2026-11');
      expect(await botClient.get('ob:test:payroll')).toBe('2026-11');
      await cli.stop();
      expect(await botClient.ping()).toBe('PONG');
    } finally {
      cliClient.disconnect();
      botClient.disconnect();
      await bot.stop();
    }
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses, naming the command, while a one-shot command holds the directory', async () => {
    const dir = dataDir();
    const first = await openDataDirRedis(dir, { owner: 'tool', command: 'rebuild' });
    try {
      for (const owner of ['tool', 'serve'] as const) {
        const second = openDataDirRedis(dir, { owner, command: 'operators list' });
        await expect(second).rejects.toThrow(DataDirLockedError);
        await expect(second).rejects.toThrow(
          /is in use by `operator-bot rebuild` \(pid \d+\): wait for it to finish/,
        );
      }
    } finally {
      await first.stop();
    }
  });

  it('takes over a lock whose process is gone', async () => {
    const dir = dataDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => gone.once('exit', done));
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: gone.pid, port: 1, owner: 'serve', command: 'serve' }),
    );
    const redis = await openDataDirRedis(dir, { owner: 'tool', command: 'operators list' });
    try {
      expect(redis.shared).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    } finally {
      await redis.stop();
    }
  });

  it('stops a redis-server a killed bot left running on the directory before starting its own', async () => {
    const dir = dataDir();
    const orphan = await startEmbeddedRedis(dir);
    const port = Number(new URL(orphan.url).port);
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((done) => gone.once('exit', done));
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: gone.pid, port, owner: 'serve', command: 'serve' }),
    );
    const redis = await openDataDirRedis(dir, { owner: 'serve', command: 'serve' });
    try {
      expect(redis.url).not.toBe(orphan.url);
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
      expect(refused).toBe(true);
    } finally {
      await redis.stop();
      await orphan.stop();
    }
  });
});
