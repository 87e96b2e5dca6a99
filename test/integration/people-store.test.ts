import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPeople } from '../../src/store/people.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();

describe('people: records follow the Gitea user id, never a login', () => {
  it.each([
    {
      name: 'a rename keeps the key; the freed name registered again gets its own',
      sightings: [
        [42, 'bob'],
        [42, 'robert'],
        [99, 'bob'],
      ] as const,
      keys: { bob: 'bob#99', robert: 'bob' },
    },
    {
      name: 'a freed name nobody holds yet matches nothing',
      sightings: [
        [42, 'bob'],
        [42, 'robert'],
      ] as const,
      keys: { bob: 'bob#unknown', robert: 'bob' },
    },
    {
      name: 'logins are case-insensitive, ids are not reused',
      sightings: [
        [7, 'Alice'],
        [8, 'carol'],
      ] as const,
      keys: { alice: 'alice', ALICE: 'alice', carol: 'carol', dave: 'dave' },
    },
  ])('$name', async ({ sightings, keys }) => {
    const people = createPeople(redis.client);
    for (const [id, login] of sightings) await people.learn(id, login);
    for (const [login, key] of Object.entries(keys)) expect(await people.keyOf(login)).toBe(key);
  });

  it('says when a login changed: a rename, or a login taken by another id', async () => {
    const people = createPeople(redis.client);
    expect((await people.learn(42, 'bob')).changed).toBe(false);
    expect((await people.learn(42, 'bob')).changed).toBe(false);
    expect((await people.learn(42, 'robert')).changed).toBe(true);
    expect((await people.learn(99, 'bob')).changed).toBe(false);
    expect((await people.learn(7, 'robert')).changed).toBe(true);
  });

  it('shows the current login for a key, in logins and in line keys', async () => {
    const people = createPeople(redis.client);
    await people.learn(42, 'bob');
    await people.learn(42, 'Robert');
    expect(await people.shown('bob')).toBe('Robert');
    expect(await people.shown('bob@2026-11-15')).toBe('Robert@2026-11-15');
    expect(await people.keyed('robert@2026-11-15')).toBe('bob@2026-11-15');
    expect(await people.shown('carol')).toBe('carol');
  });

  it('whatever the renames and re-registrations, each id keeps one key and no two ids share one', async () => {
    const sighting = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.constantFrom('a', 'b', 'c', 'A', 'd'));
    await fc.assert(
      fc.asyncProperty(fc.array(sighting, { maxLength: 25 }), async (sightings) => {
        await redis.client.flushall();
        const people = createPeople(redis.client);
        const holder = new Map<string, number>();
        const firstKey = new Map<number, string>();
        for (const [id, login] of sightings) {
          // Gitea names are unique: whoever held the name has been renamed away.
          for (const [name, other] of holder) if (other === id) holder.delete(name);
          holder.set(login.toLowerCase(), id);
          const { key } = await people.learn(id, login);
          if (!firstKey.has(id)) firstKey.set(id, key);
          expect(key).toBe(firstKey.get(id));
        }
        expect(new Set(firstKey.values()).size).toBe(firstKey.size);
        for (const [name, id] of holder) expect(await people.keyOf(name)).toBe(firstKey.get(id));
      }),
      { numRuns: 60 },
    );
  });

  it('seeing a known person again writes nothing (on the durable Redis every write waits for an fsync)', async () => {
    const people = createPeople(redis.client);
    const changes = async () =>
      Number(/rdb_changes_since_last_save:(\d+)/.exec(await redis.client.info('persistence'))?.[1]);
    await people.learn(7, 'alice');
    const before = await changes();
    await people.learn(7, 'alice');
    await people.learn(7, 'alice');
    expect(await changes()).toBe(before);
    await people.learn(7, 'alicia'); // a rename is a change
    expect(await changes()).toBeGreaterThan(before);
    expect(await people.keyOf('alicia')).toBe('alice');
  });
});
