import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runOperatorsImport } from '../../src/cli/operators-import.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { GiteaError } from '../../src/gitea/api.js';
import { createGiteaClient, type GiteaClient } from '../../src/gitea/client.js';
import { createLogger } from '../../src/logger.js';
import { REPLAY_CONCURRENCY } from '../../src/rebuild/rebuild.js';
import type { DelayedEvent } from '../../src/worker/handle-event.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { giteaWorld } from '../support/gitea-world.js';
import { applicationsApproved, rebuildFromGitea } from '../support/rebuild.js';
import { useRedis } from '../support/redis.js';
import { snapshotDatabase, storedState } from '../support/redis-state.js';
import { completeForm } from '../support/workflows.js';

// Issue #19 (Rebuild): events of independent issues replay side by side. The result must be the
// one of the replay one event after another, key for key, whatever the history holds: shared
// people, a maintainer acting everywhere, mentions, program commands, an alert, a payroll open
// in the middle, a rename.

let clock = new Date('2026-09-01T09:00:00Z');
const redis = useRedis();
const gitea = useFakeGitea({ now: () => clock });
const at = (iso: string) => {
  clock = new Date(iso);
};
const APPLICANTS = 6;
const EVM = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const day = (d: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 8, d, hour, minute)).toISOString().replace('.000Z', 'Z');

/** A history in which many things share state, made by the live bot from people acting in Gitea. */
async function liveHistory() {
  seedProgram(gitea());
  gitea().addUser('maint2');
  gitea().setPermission(PROGRAM_REPO, 'maint2', 'admin');
  const core = testCore(redis.client, gitea());
  const people = giteaWorld(core, gitea, at);
  const application = await people.open(
    'alice',
    'Application: Ada',
    completeForm,
    ['operator-application'],
    day(1, 8),
  );
  const others: number[] = [];
  for (let i = 0; i < APPLICANTS; i++) {
    gitea().addUser(`applicant${i}`);
    const body = i === 4 ? 'Please let me in, my wallet is ready.' : completeForm;
    others.push(
      await people.open(`applicant${i}`, `Application ${i}`, body, ['operator-application'], day(1, 9, i)),
    );
  }
  // The same applicant applies twice, the second time a minute after the first: a duplicate.
  const again = await people.open(
    'applicant0',
    'Application 0, again',
    completeForm,
    ['operator-application'],
    day(1, 9, 30),
  );
  await people.say('applicant0', again, '/module 1', '2026-09-01T09:00:40Z');
  // A maintainer acts in every issue, interleaved with the applicants and with alice's path.
  await people.say('maint', application, '/approve', day(2, 9));
  for (const [i, issue] of others.entries()) {
    await people.say(
      i % 2 === 0 ? 'maint' : 'maint2',
      issue,
      i === 3 ? '/reject no hardware' : '/approve',
      day(2, 9, i + 1),
    );
    await people.say(`applicant${i}`, issue, i === 1 ? 'thanks!' : '/module 1', day(2, 10, i));
  }
  await people.say('applicant2', others[2] ?? 0, '/help', day(2, 11));
  await people.say('alice', application, '/module 1\n/module 2\n/module 3\n/module 4\n/module 5', day(3, 9));
  await people.say('maint', application, '/quiz 90\n/shadow @bob', day(3, 10));
  at(day(10, 10));
  expect(await core.fire(/shadowWeek/)).toBe(1);
  for (const [i, issue] of others.entries())
    await people.say(`applicant${i}`, issue, '/module 2', day(11, 9, i));
  await people.say('alice', application, '/fleet fsn1-a fsn1-b', day(12, 9));
  await people.say('maint', application, '/tasks 10\n/signoff', day(12, 10));
  await people.say(
    'alice',
    application,
    '/report uptime=99.7 tasks=40/40 week=2026-W40',
    '2026-10-05T08:00:00Z',
  );
  const alert = await people.open(
    'alice',
    'Gateway down',
    'Gateway down since 10:00.',
    ['operator-alert'],
    '2026-10-20T10:00:00Z',
  );
  await people.say('alice', alert, '/ack', '2026-10-20T10:12:00Z');
  await people.say('alice', alert, '/resolve restarted the gateway', '2026-10-20T11:00:00Z');
  at('2026-11-01T06:00:00Z');
  await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-11-01T06:00:00.000Z' });
  expect(await core.fire(/^opened-payroll-2026-10/)).toBe(1);
  const payroll =
    Array.from({ length: 20 }, (_, n) => n + 1).find(
      (n) => gitea().issue(PROGRAM_REPO, n)?.title === 'Payroll 2026-10',
    ) ?? 0;
  expect(payroll).toBeGreaterThan(0);
  // While the payroll is open, onboarding events go on (a change of its inputs refreshes it).
  for (const [i, issue] of others.entries())
    await people.say(`applicant${i}`, issue, '/module 3', `2026-11-01T0${i}:30:00Z`);
  await people.say('maint', payroll, '/approve', '2026-11-02T09:00:00Z');
  await people.say('maint2', payroll, '/approve', '2026-11-02T10:00:00Z');
  await people.say('maint', payroll, `/paid all 0x${'cd'.repeat(32)}`, '2026-11-03T09:00:00Z');
  for (const [i, issue] of others.entries())
    await people.say(`applicant${i}`, issue, '/module 4', `2026-11-04T0${i}:30:00Z`);
  // Renamed after the fact: Gitea shows the new login on every old comment.
  gitea().renameUser('applicant5', 'applicant5b');
}

describe('rebuild replays independent issues side by side', () => {
  it('leaves every key and value, the future timers and the findings exactly as a replay one event after another', {
    timeout: 120_000,
  }, async () => {
    await liveHistory();
    const live = await snapshotDatabase(redis.client);
    const writes = () => gitea().requests.filter((r) => r.method !== 'GET').length;
    const writesBefore = writes();
    const logged: string[] = [];
    const run = async (replayConcurrency: number) => {
      const future: DelayedEvent[] = [];
      const result = await rebuildFromGitea(redis.client, gitea(), {
        log: createLogger('info', { write: (line: string) => logged.push(line) }),
        botLogin: 'operator-bot',
        now: '2026-11-25T00:00:00.000Z',
        replayConcurrency,
        scheduleFuture: async (timer) => {
          future.push(timer);
        },
      });
      return { result, future, state: await storedState(redis.client) };
    };

    const oneByOne = await run(1);
    await live();
    const sideBySide = await run(REPLAY_CONCURRENCY);

    expect(oneByOne.result.events).toBeGreaterThan(40);
    const instances = Object.keys(oneByOne.state).filter((key) => key.startsWith('ob:instance:'));
    expect(instances.length).toBeGreaterThanOrEqual(APPLICANTS + 3);
    expect(sideBySide.state).toEqual(oneByOne.state);
    expect(sideBySide.future).toEqual(oneByOne.future);
    expect(sideBySide.result).toEqual(oneByOne.result);
    expect(writes()).toBe(writesBefore);
    // Side by side for real: nothing the plan did not foresee made it replay again one by one.
    expect(logged.filter((line) => line.includes('replaying again'))).toEqual([]);
  });

  it('replays again one event after another when a shared event asks Gitea who someone is, with the same result', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    const print = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const env = loadEnv(
      { GITEA_URL: gitea().baseUrl, GITEA_TOKEN: gitea().token, PROGRAM_REPO, REDIS_URL: redis.url },
      'tool',
    );
    const csv = join(mkdtempSync(join(tmpdir(), 'ob-import-')), 'operators.csv');
    writeFileSync(csv, `login,wallet,chain,nodes,activated,referrer\nbob,${EVM},base,3,2026-03-01,\n`);
    expect(await runOperatorsImport(env, defaultProgramConfig(), csv, false)).toBe(0);
    print.mockRestore();
    applicationsApproved(gitea(), 4, completeForm);
    const live = await snapshotDatabase(redis.client);
    const real = createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 });
    const logged: string[] = [];
    const run = async (replayConcurrency: number) => {
      // Gitea fails the first look-up of a login: the bot's records kept by login (bob, imported)
      // are given to their user id with the next event, an application's (shared) opening.
      let failures = 1;
      const client: GiteaClient = {
        ...real,
        userByLogin: async (login) => {
          if (failures-- > 0) throw new GiteaError('GET /users/{username}', 502, 'bad gateway');
          return real.userByLogin(login);
        },
      };
      await rebuildFromGitea(redis.client, gitea(), {
        gitea: client,
        replayConcurrency,
        log: createLogger('info', { write: (line: string) => logged.push(line) }),
      });
      return storedState(redis.client);
    };
    const oneByOne = await run(1);
    expect(logged.filter((line) => line.includes('replaying again'))).toEqual([]);
    await live();
    const sideBySide = await run(REPLAY_CONCURRENCY);
    expect(logged.filter((line) => line.includes('replaying again'))).toHaveLength(1);
    expect(sideBySide).toEqual(oneByOne);
    expect(Object.keys(oneByOne).filter((key) => key.startsWith('ob:people:'))).not.toEqual([]);
  });
});
