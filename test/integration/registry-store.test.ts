import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../src/domain/history/events.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();

/** A record exactly as the bot stored it before histories: one JSON per lower-cased login. */
const OLD_RECORD = {
  login: 'Carol',
  handle: 'carol',
  wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  chain: 'base',
  nodes: 4,
  region: 'fsn1',
  activatedAt: '2025-02-01T09:00:00.000Z',
  referrer: 'bob',
  status: 'exited',
  endedAt: '2026-03-10T10:00:00.000Z',
  applicationIssue: 'fleet/program#3',
};

const reactivation: HistoryEvent = {
  id: 'activated:fleet/program#40',
  type: 'activated',
  at: '2026-03-20T10:00:00.000Z',
  handle: 'carol',
  wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
  chain: 'base',
  nodes: 2,
  region: 'fsn1',
  applicationIssue: 'fleet/program#40',
};

describe('the registry store', () => {
  it('loads a record stored before histories as a one-stint history, and never rewrites it', async () => {
    await redis.client.hset('ob:operators', 'carol', JSON.stringify(OLD_RECORD));
    const registry = createOperatorStore(redis.client);
    expect(await registry.get('CAROL')).toEqual({ ...OLD_RECORD, stints: 1 });
    expect((await registry.history('carol'))?.events.map((e) => e.type)).toEqual(['activated', 'ended']);

    await registry.append('carol', reactivation);
    await registry.append('carol', reactivation); // a retried job
    expect(await registry.get('carol')).toMatchObject({
      login: 'Carol',
      status: 'active',
      nodes: 2,
      activatedAt: '2026-03-20T10:00:00.000Z',
      stints: 2,
    });
    expect((await registry.history('carol'))?.events.map((e) => e.type)).toEqual([
      'activated',
      'ended',
      'activated',
    ]);
    expect(JSON.parse((await redis.client.hget('ob:operators', 'carol')) ?? '{}')).toEqual(OLD_RECORD);
  });

  it('lists operators with only a history next to those with an old record, by login', async () => {
    const registry = createOperatorStore(redis.client);
    await redis.client.hset('ob:operators', 'carol', JSON.stringify(OLD_RECORD));
    await registry.append('Ann', { ...reactivation, handle: 'ann' });
    expect((await registry.all()).map((r) => [r.login, r.status])).toEqual([
      ['Ann', 'active'],
      ['Carol', 'exited'],
    ]);
    expect((await registry.histories()).map((h) => h.login)).toEqual(['Ann', 'Carol']);
    expect(await registry.get('nobody')).toBeUndefined();
  });

  it('refuses an event that is not one (the fields named)', async () => {
    const registry = createOperatorStore(redis.client);
    await expect(registry.append('ann', { ...reactivation, nodes: -1 } as HistoryEvent)).rejects.toThrow(
      /nodes/,
    );
  });
});
