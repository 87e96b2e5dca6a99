import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { runOperatorsImport } from '../../src/cli/operators-import.js';
import { loadEnv } from '../../src/config/load.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { GiteaError } from '../../src/gitea/api.js';
import { createGiteaClient, type GiteaClient } from '../../src/gitea/client.js';
import { createLogger } from '../../src/logger.js';
import type { RebuildOptions } from '../../src/rebuild/rebuild.js';
import { REPLAY_CONCURRENCY } from '../../src/rebuild/rebuild.js';
import type { DelayedEvent } from '../../src/worker/handle-event.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { changeIssueState, giteaWorld } from '../support/gitea-world.js';
import { rebuildFromGitea } from '../support/rebuild.js';
import { useRedis } from '../support/redis.js';
import { snapshotDatabase, storedState } from '../support/redis-state.js';
import { completeForm } from '../support/workflows.js';

// Issue #19 (Rebuild): histories built to make the concurrent replay differ from a replay one
// event after another. Each compares both, key for key (every key space), with the future timers
// and the findings; each first failed against the plan it guards.

let clock = new Date('2026-09-01T09:00:00Z');
const redis = useRedis();
const gitea = useFakeGitea({ now: () => clock });
const at = (iso: string) => {
  clock = new Date(iso);
};
const NOW = '2026-11-25T00:00:00.000Z';
const time = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 8, day, hour, minute)).toISOString();

/** `login` opens an issue at `when` (in Gitea only: the bot never saw it); its number. */
function open(login: string, title: string, body: string, labels: string[], when: string): number {
  at(when);
  return gitea().addIssue(PROGRAM_REPO, { title, body, user: login, labels }).number;
}

/** `login` comments at `when` (in Gitea only). */
function say(login: string, issue: number, body: string, when: string): void {
  at(when);
  gitea().addComment(PROGRAM_REPO, issue, { user: login, body });
}

/** `login` (an account with password `pw`) closes or reopens an issue at `when`, through the API. */
async function setState(login: string, issue: number, state: 'closed' | 'open', when: string): Promise<void> {
  at(when);
  expect(await changeIssueState(gitea(), login, issue, state)).toBe(201);
}

/** Someone with the bot's (admin) token edits (`body`) or deletes a comment after the fact. */
async function changeComment(id: number, body?: string): Promise<void> {
  const [owner, repo] = PROGRAM_REPO.split('/');
  const response = await fetch(`${gitea().baseUrl}/api/v1/repos/${owner}/${repo}/issues/comments/${id}`, {
    method: body === undefined ? 'DELETE' : 'PATCH',
    headers: { authorization: `token ${gitea().token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify({ body }) }),
  });
  expect(response.status).toBe(body === undefined ? 204 : 200);
}

/** The state of each onboarding instance, by issue number. */
const onboardingStates = (state: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(state).flatMap(([key, value]) => {
      const issue = /^ob:instance:.*#(\d+):onboarding$/.exec(key)?.[1];
      return issue ? [[Number(issue), (JSON.parse(String(value)) as { state: string }).state]] : [];
    }),
  );

/**
 * Rebuilds the emulated Gitea's history twice from the same database, one event after another
 * and `inFlight` side by side (the default, REPLAY_CONCURRENCY): both results, and how many times the concurrent one replayed again one
 * by one (0 when the history was replayed side by side for real).
 */
async function bothWays(
  options: Partial<RebuildOptions> = {},
  beforeRun: () => void = () => undefined,
  inFlight = REPLAY_CONCURRENCY,
) {
  const start = await snapshotDatabase(redis.client);
  const run = async (replayConcurrency: number) => {
    await start();
    beforeRun();
    const logged: string[] = [];
    const future: DelayedEvent[] = [];
    const result = await rebuildFromGitea(redis.client, gitea(), {
      log: createLogger('info', { write: (line: string) => logged.push(line) }),
      now: NOW,
      replayConcurrency,
      scheduleFuture: async (timer) => {
        future.push(timer);
      },
      ...options,
    });
    return {
      result,
      future,
      state: await storedState(redis.client),
      replayedAgain: logged.filter((line) => line.includes('replaying again')).length,
    };
  };
  const oneByOne = await run(1);
  const sideBySide = await run(inFlight);
  return { oneByOne, sideBySide };
}

/** The promise: the concurrent replay leaves what the replay one by one does. */
function expectSame({ oneByOne, sideBySide }: Awaited<ReturnType<typeof bothWays>>) {
  expect(sideBySide.state).toEqual(oneByOne.state);
  expect(sideBySide.future).toEqual(oneByOne.future);
  expect(sideBySide.result).toEqual(oneByOne.result);
}

describe('rebuild side by side against histories built to tell it from one by one', () => {
  it('a history the bot never answered (its replies are written again, quietly): the same posts recorded', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    const issues: number[] = [];
    for (let i = 0; i < 8; i++) {
      gitea().addUser(`applicant${i}`);
      issues.push(
        open(`applicant${i}`, `Application ${i}`, completeForm, ['operator-application'], time(1, 9, i)),
      );
    }
    for (const [i, issue] of issues.entries()) say('maint', issue, '/approve', time(2, 9, i));
    for (const [i, issue] of issues.entries()) say(`applicant${i}`, issue, '/module 1', time(3, 9, i));
    const runs = await bothWays();
    expect(runs.sideBySide.replayedAgain).toBe(0);
    expect(Object.keys(runs.oneByOne.state).filter((key) => key.startsWith('ob:written:'))).toHaveLength(8);
    expectSame(runs);
  });

  it('a reply written again whose event waits on Gitea longer than a later event of another issue: the same ids', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    gitea().addUser('maint2');
    gitea().setPermission(PROGRAM_REPO, 'maint2', 'admin');
    const issues: number[] = [];
    for (let i = 0; i < 3; i++) {
      gitea().addUser(`applicant${i}`);
      issues.push(
        open(`applicant${i}`, `Application ${i}`, completeForm, ['operator-application'], time(1, 9, i)),
      );
    }
    const [first = 0, second = 0, third = 0] = issues;
    for (const [i, issue] of issues.entries()) say('maint', issue, '/approve', time(2, 9, i));
    // `/quiz` is a maintainer's: an applicant's is refused after Gitea is asked who is one, once
    // per person per rebuild (an onboarding command: the plan shares it). applicant0's is asked
    // at 09:30, so its /quiz of 10:02 needs no request while applicant1's of 10:01 waits for one.
    say('applicant0', first, '/quiz 90', time(2, 9, 30));
    say('applicant1', second, '/quiz 90', time(2, 10, 1));
    say('applicant0', first, '/quiz 91', time(2, 10, 2));
    say('applicant2', third, '/quiz 90', time(2, 10, 3));
    const runs = await bothWays();
    expect(runs.sideBySide.replayedAgain).toBe(0);
    expectSame(runs);
  });

  it('Gitea failing a maintainer check (every retry) during the replay: the rebuild fails, whether side by side or one by one', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    const issues: number[] = [];
    for (let i = 0; i < 3; i++) {
      gitea().addUser(`applicant${i}`);
      issues.push(
        open(`applicant${i}`, `Application ${i}`, completeForm, ['operator-application'], time(1, 9, i)),
      );
    }
    // maint is first seen opening a question (no role is checked), so their /approves replay side by side.
    open('maint', 'A question', 'Where is the handbook?', [], time(1, 10));
    for (const [i, issue] of issues.entries()) say('maint', issue, '/approve', time(2, 10, i));
    const live = await snapshotDatabase(redis.client);
    const rebuildWith = async (replayConcurrency: number) => {
      await live();
      // A burst of 502s on maint's permission: the client's four tries of one check all fail.
      gitea().failNext({ path: /\/collaborators\/maint\/permission$/, status: 502, times: 4 });
      return rebuildFromGitea(redis.client, gitea(), { now: NOW, replayConcurrency }).then(
        () => 'rebuilt',
        (error: unknown) => `failed: ${String(error)}`,
      );
    };
    const oneByOne = await rebuildWith(1);
    const sideBySide = await rebuildWith(REPLAY_CONCURRENCY);
    gitea().clearFaults();
    // Deciding that maint is no maintainer would refuse their /approve: the one first asked one
    // by one, every one in flight with it side by side. Neither is what happened.
    expect(oneByOne).toMatch(/^failed: .*502/);
    expect(sideBySide).toBe(oneByOne);
    // Run again once Gitea answers, over what the failed one left: the state of a rebuild that never failed.
    await rebuildFromGitea(redis.client, gitea(), { now: NOW, replayConcurrency: REPLAY_CONCURRENCY });
    const again = await storedState(redis.client);
    await live();
    await rebuildFromGitea(redis.client, gitea(), { now: NOW, replayConcurrency: 1 });
    expect(again).toEqual(await storedState(redis.client));
    expect(Object.values(again).filter((value) => String(value).includes('"state":"training"'))).toHaveLength(
      3,
    );
  });

  it('one person in two applications at once, closing and reopening, the same wallet everywhere, many events at one instant', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    gitea().addUser('maint2');
    gitea().setPermission(PROGRAM_REPO, 'maint2', 'admin');
    const t0 = time(1, 9);
    const apps: number[] = [];
    for (let i = 0; i < 6; i++) {
      gitea().addUser(`a${i}`, { password: 'pw' });
      apps.push(open(`a${i}`, `Application ${i}`, completeForm, ['operator-application'], t0));
    }
    // At the same instant: a0 applies twice, a6 applies without the label (the bot adds it).
    const twice = open('a0', 'Application 0 again', completeForm, ['operator-application'], t0);
    gitea().addUser('a6', { password: 'pw' });
    const unlabelled = open('a6', 'Operator application', completeForm, [], t0);
    const [a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0] = apps;
    const t1 = time(2, 10);
    for (const issue of [...apps, twice, unlabelled]) say('maint', issue, '/approve', t1);
    await setState('a1', a1, 'closed', t1);
    say('a2', a2, 'thanks @maint, and hello @a3 — see you in training', t1);
    say('a3', a3, '/module 1\n/module 2', t1);
    say('a5', a5, '/module 9', t1);
    // carol is first seen in a shared event, in someone else's issue.
    say('carol', a2, 'I can mentor you later', time(3, 8));
    await setState('a1', a1, 'open', time(3, 9));
    say('a1', a1, '/module 1', time(3, 9));
    await setState('a0', a0, 'closed', time(3, 9));
    say('a0', twice, 'closed the first one', time(3, 9, 1));
    say('maint2', a4, '/reject no hardware', time(3, 9, 2));
    // Rejected: a4 applies again at once, a0 a third time.
    const again = open('a4', 'Application 4, again', completeForm, ['operator-application'], time(3, 10));
    const third = open('a0', 'Application 0, third', completeForm, ['operator-application'], time(3, 10));
    say('maint2', again, '/approve', time(3, 11));
    say('maint2', third, '/approve', time(3, 11));
    for (const [i, issue] of apps.entries()) say(`a${i}`, issue, '/module 3', time(4, 9));
    const runs = await bothWays();
    expect(runs.sideBySide.replayedAgain).toBe(0);
    expectSame(runs);
    const states = onboardingStates(runs.oneByOne.state);
    expect(states[twice]).toBe('incomplete');
    expect(states[unlabelled]).toBe('training');
    expect(states[a4]).toBe('rejected');
    expect(states[again]).toBe('training');
    // a0's second application is still open (incomplete) when the third comes: a duplicate too.
    expect(states[third]).toBe('incomplete');
    expect(states[a1]).toBe('training');
  });

  it('two applications by one person in the same second: the later issue is the duplicate, as the live bot saw it', async () => {
    seedProgram(gitea());
    const first = open('alice', 'Application', completeForm, ['operator-application'], time(1, 9));
    const second = open(
      'alice',
      'Application (sent twice)',
      completeForm,
      ['operator-application'],
      time(1, 9),
    );
    // Gitea lists issues newest first: the tie is broken by the order they were created.
    const runs = await bothWays();
    expectSame(runs);
    expect(onboardingStates(runs.oneByOne.state)).toEqual({ [first]: 'screening', [second]: 'incomplete' });
  });

  it('an operator activated in one issue signs off another at the same second, and one a minute before: the same registry', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    const apps: number[] = [];
    for (let i = 0; i < 3; i++) {
      gitea().addUser(`a${i}`);
      apps.push(open(`a${i}`, `Application ${i}`, completeForm, ['operator-application'], time(1, 9, i)));
    }
    const [a0 = 0, a1 = 0, a2 = 0] = apps;
    for (const [i, issue] of apps.entries()) {
      say('maint', issue, '/approve', time(2, 9, i));
      say(`a${i}`, issue, '/module 1\n/module 2\n/module 3\n/module 4\n/module 5', time(3, 9, i));
      say('maint', issue, '/quiz 90\n/shadow @bob', time(3, 10, i));
      // The same test fleet everywhere: node names are not unique across applications.
      say(`a${i}`, issue, '/fleet fsn1-a fsn1-b', time(11, 9, i));
      say('maint', issue, '/tasks 10', time(11, 10, i));
    }
    // a0 signs a2 off a minute before being an operator (refused), a1 in the second a0 becomes one.
    say('a0', a2, '/signoff', time(12, 9, 59));
    say('maint', a0, '/signoff', time(12, 10));
    say('a0', a1, '/signoff', time(12, 10));
    const runs = await bothWays();
    expect(runs.sideBySide.replayedAgain).toBe(0);
    expectSame(runs);
    expect(onboardingStates(runs.oneByOne.state)).toEqual({
      [a0]: 'active',
      [a1]: 'active',
      [a2]: 'certification',
    });
    expect(Object.keys(runs.oneByOne.state).filter((key) => key.startsWith('ob:operator-history:'))).toEqual([
      'ob:operator-history:a0',
      'ob:operator-history:a1',
    ]);
  });

  it('replayed again one by one after shared events answered a ping and learnt people: the kept stores are put back first', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    at(time(1, 8));
    // bob and carol were operators before the bot: their records are kept by login until Gitea
    // says whose they are (worker/identify.ts, adoptLegacyKeys).
    const print = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const env = loadEnv(
      { GITEA_URL: gitea().baseUrl, GITEA_TOKEN: gitea().token, PROGRAM_REPO, REDIS_URL: redis.url },
      'tool',
    );
    const csv = join(mkdtempSync(join(tmpdir(), 'ob-import-')), 'operators.csv');
    const wallet = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
    writeFileSync(
      csv,
      `login,wallet,chain,nodes,activated,referrer\nbob,${wallet},base,3,2026-03-01,\ncarol,${wallet},base,2,2026-04-01,\n`,
    );
    expect(await runOperatorsImport(env, defaultProgramConfig(), csv, false)).toBe(0);
    print.mockRestore();
    gitea().addUser('a0');
    const app = open('a0', 'Application 0', completeForm, ['operator-application'], time(1, 9));
    gitea().addUser('a1');
    const other = open('a1', 'Application 1', completeForm, ['operator-application'], time(1, 9, 30));
    say('maint', app, '/ping @bob are you around to mentor?', time(1, 10));
    // Shared: bob answers the ping, a1 and maint act elsewhere; the adoption of carol's records,
    // failed twice, is tried again with them and asks Gitea: replayed again one by one.
    say('bob', app, 'yes, happy to', time(1, 11));
    say('maint', other, '/approve', time(1, 11, 1));
    say('a1', other, '/module 1', time(1, 11, 2));
    const real = createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 });
    const failingTwice = (): GiteaClient => {
      let failures = 2;
      return {
        ...real,
        userByLogin: async (login) => {
          if (failures-- > 0) throw new GiteaError('GET /users/{username}', 502, 'bad gateway');
          return real.userByLogin(login);
        },
      };
    };
    const start = await snapshotDatabase(redis.client);
    const run = async (replayConcurrency: number) => {
      await start();
      const logged: string[] = [];
      await rebuildFromGitea(redis.client, gitea(), {
        gitea: failingTwice(),
        now: NOW,
        replayConcurrency,
        log: createLogger('info', { write: (line: string) => logged.push(line) }),
      });
      return {
        state: await storedState(redis.client),
        replayedAgain: logged.filter((line) => line.includes('replaying again')).length,
      };
    };
    const oneByOne = await run(1);
    const sideBySide = await run(REPLAY_CONCURRENCY);
    expect(sideBySide.replayedAgain).toBe(1);
    expect(sideBySide.state).toEqual(oneByOne.state);
    const pings = Object.entries(oneByOne.state).filter(([key]) => key.startsWith('ob:pings:2026-09'));
    expect(JSON.stringify(pings)).toContain('answeredAt');
    expect(Object.keys(oneByOne.state)).not.toContain('ob:pings:open');
  });

  it('renames since the last rebuild: a freed name taken by a newcomer who applied "earlier", a maintainer renamed, a case change', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    const apps: number[] = [];
    for (let i = 0; i < 4; i++) {
      gitea().addUser(`a${i}`);
      apps.push(open(`a${i}`, `Application ${i}`, completeForm, ['operator-application'], time(2, 9, i)));
    }
    for (const [i, issue] of apps.entries()) {
      say('maint', issue, '/approve', time(3, 9, i));
      say(`a${i}`, issue, '/module 1', time(4, 9, i));
      say(`a${i}`, issue, '/module 2', time(5, 9, i));
    }
    // A rebuild keeps the people it learnt (user id ↔ login): the next one starts from them.
    await rebuildFromGitea(redis.client, gitea(), { now: NOW, replayConcurrency: 1 });
    gitea().renameUser('a0', 'a0-renamed');
    gitea().renameUser('maint', 'boss');
    gitea().renameUser('a1', 'A1');
    gitea().addUser('a0', { id: 9_001 });
    // The newcomer's application is dated before every event of the one who had the name.
    const newcomer = open(
      'a0',
      'Application of the new a0',
      completeForm,
      ['operator-application'],
      time(1, 9),
    );
    say('boss', newcomer, '/approve', time(6, 9));
    say('a0', newcomer, '/module 1', time(6, 10));
    const runs = await bothWays();
    expectSame(runs);
    const states = onboardingStates(runs.oneByOne.state);
    expect(states[newcomer]).toBe('training');
    expect(Object.values(states).filter((state) => state === 'training')).toHaveLength(5);
    const logins = runs.oneByOne.state['ob:people:login-of-id'] as [string, string][];
    expect(logins.map(([, login]) => login)).toEqual(
      expect.arrayContaining(['a0-renamed', 'a0', 'A1', 'boss']),
    );
  });

  it('a maintainer listed by login in the config renamed, and the freed name taken by a newcomer who tries /approve', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    gitea().addUser('lead');
    const config = { ...defaultProgramConfig(), maintainers: { users: ['lead'], teams: [] } };
    const apps: number[] = [];
    for (let i = 0; i < 4; i++) {
      gitea().addUser(`a${i}`);
      apps.push(open(`a${i}`, `Application ${i}`, completeForm, ['operator-application'], time(2, 9, i)));
    }
    const [a0 = 0, a1 = 0, a2 = 0, a3 = 0] = apps;
    say('lead', a0, '/approve', time(3, 9));
    await rebuildFromGitea(redis.client, gitea(), { now: NOW, replayConcurrency: 1, config });
    gitea().renameUser('lead', 'lead-renamed');
    gitea().addUser('lead', { id: 9_002 });
    // The newcomer holds the listed name but is not the person the config meant: refused.
    say('lead', a1, '/approve', time(4, 9));
    say('lead-renamed', a2, '/approve', time(4, 9));
    say('a3', a3, 'is anyone there, @lead?', time(4, 9));
    say('lead', a3, '/approve', time(4, 10));
    const runs = await bothWays({ config });
    expectSame(runs);
    expect(onboardingStates(runs.oneByOne.state)).toEqual({
      [a0]: 'training',
      [a1]: 'screening',
      [a2]: 'training',
      [a3]: 'screening',
    });
  });

  it('any history of applications, commands and chatter at a few shared instants: the same state side by side (property)', {
    timeout: 180_000,
  }, async () => {
    const BODIES = [
      '/approve',
      '/module 1',
      '/module 2\n/module 3',
      '/reject not now',
      'thanks @maint',
      '/quiz 90',
      '/shadow @bob',
      '/shadow @dave',
      '/fleet n1 n2',
      '/tasks 10',
      '/signoff',
      '/help',
      '/module 1\n/report uptime=99 tasks=1/1 week=2026-W37',
      'hello',
    ];
    // carol and dave are first seen in shared events; dave is first named in a /shadow.
    const PEOPLE = ['maint', 'carol', 'a0', 'a1', 'a2', 'dave'];
    const step = fc.record({
      actor: fc.integer({ min: 0, max: PEOPLE.length - 1 }),
      issue: fc.nat(),
      body: fc.integer({ min: 0, max: BODIES.length + 1 }),
      // Few instants: many events share one.
      day: fc.integer({ min: 2, max: 14 }),
      second: fc.constantFrom(0, 0, 1),
    });
    const history = fc.record({
      applications: fc.array(
        fc.record({ by: fc.integer({ min: 0, max: 2 }), day: fc.constantFrom(1, 1, 3) }),
        {
          minLength: 1,
          maxLength: 5,
        },
      ),
      steps: fc.array(step, { minLength: 1, maxLength: 25 }),
    });
    await fc.assert(
      fc.asyncProperty(history, async ({ applications, steps }) => {
        gitea().reset();
        await redis.client.flushall();
        seedProgram(gitea());
        gitea().addUser('dave');
        for (const login of ['a0', 'a1', 'a2']) gitea().addUser(login, { password: 'pw' });
        const issues = applications.map(({ by, day }, i) =>
          open(`a${by}`, `Application ${i}`, completeForm, ['operator-application'], time(day, 9)),
        );
        const authors = applications.map(({ by }) => `a${by}`);
        for (const s of [...steps].sort((x, y) => x.day - y.day || x.second - y.second)) {
          const index = s.issue % issues.length;
          const issue = issues[index] ?? 0;
          const when = new Date(Date.UTC(2026, 8, s.day, 10, 0, s.second)).toISOString();
          // Past the bodies: the applicant closes (odd) or reopens (even) the issue.
          if (s.body >= BODIES.length)
            await setState(authors[index] ?? 'a0', issue, s.body % 2 === 1 ? 'closed' : 'open', when);
          else say(PEOPLE[s.actor] ?? 'maint', issue, BODIES[s.body] ?? '', when);
        }
        expectSame(await bothWays());
      }),
      { numRuns: 15, seed: 19, endOnFailure: true },
    );
  });

  it("a live history with a payroll opened mid-way, an alert, and comments edited or deleted since (commands and the bot's replies)", {
    timeout: 120_000,
  }, async () => {
    seedProgram(gitea());
    const core = testCore(redis.client, gitea());
    const people = giteaWorld(core, gitea, at);
    const apps: number[] = [];
    for (let i = 0; i < 4; i++) {
      gitea().addUser(`a${i}`);
      apps.push(
        await people.open(`a${i}`, `Application ${i}`, completeForm, ['operator-application'], time(1, 9, i)),
      );
    }
    const [a0 = 0, a1 = 0, a2 = 0, a3 = 0] = apps;
    for (const [i, issue] of apps.entries()) await people.say('maint', issue, '/approve', time(2, 9, i));
    const edited = await people.say('a0', a0, '/module 1', time(3, 9));
    const deleted = await people.say('a1', a1, '/module 1\n/module 2', time(3, 9));
    await people.say('a2', a2, '/module 3', time(3, 9));
    await people.say('maint', a3, '/reject no hardware', time(3, 10));
    const alert = await people.open(
      'a2',
      'Gateway down',
      'Gateway down since 10:00.',
      ['operator-alert'],
      time(20, 10),
    );
    await people.say('maint', alert, '/ack', time(20, 10, 5));
    at('2026-10-01T06:00:00Z');
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-10-01T06:00:00.000Z' });
    expect(await core.fire(/^opened-payroll-2026-09/)).toBe(1);
    const payroll =
      Array.from({ length: 20 }, (_, n) => n + 1).find(
        (n) => gitea().issue(PROGRAM_REPO, n)?.title === 'Payroll 2026-09',
      ) ?? 0;
    expect(payroll).toBeGreaterThan(0);
    // While the payroll is open, and after it is paid, the applicants go on.
    for (const [i, issue] of apps.slice(0, 3).entries())
      await people.say(`a${i}`, issue, '/module 4', `2026-10-01T0${i + 7}:00:00Z`);
    await people.say('maint', payroll, '/approve', '2026-10-02T09:00:00Z');
    for (const [i, issue] of apps.slice(0, 3).entries())
      await people.say(`a${i}`, issue, '/module 5', `2026-10-03T0${i + 7}:00:00Z`);
    // Since: a command edited, one deleted, and one of the bot's replies deleted.
    await changeComment(edited, '/module 5');
    await changeComment(deleted);
    const reply = gitea()
      .comments(PROGRAM_REPO, a2)
      .find((c) => c.user.login === gitea().botLogin && c.body.includes('module 3 recorded'));
    expect(reply).toBeDefined();
    await changeComment(reply?.id ?? 0);
    const runs = await bothWays({ botLogin: gitea().botLogin });
    expect(runs.sideBySide.replayedAgain).toBe(0);
    expectSame(runs);
    expect(runs.oneByOne.result.findings.join('\n')).toMatch(
      /edited after the bot applied it[\s\S]*deleted after the bot applied it|deleted after the bot applied it[\s\S]*edited after the bot applied it/,
    );
    expect(onboardingStates(runs.oneByOne.state)).toMatchObject({ [a3]: 'rejected', [a0]: 'training' });
  });

  it('more issues than events in flight, each phase at one instant: the same state (backpressure at 128)', {
    timeout: 120_000,
  }, async () => {
    seedProgram(gitea());
    const apps: number[] = [];
    for (let i = 0; i < 150; i++) {
      gitea().addUser(`a${i}`);
      apps.push(open(`a${i}`, `Application ${i}`, completeForm, ['operator-application'], time(1, 9)));
    }
    for (const issue of apps) say('maint', issue, '/approve', time(2, 9));
    for (const [i, issue] of apps.entries())
      say(`a${i}`, issue, i % 3 === 0 ? 'thanks!' : '/module 1', time(3, 9));
    // 450 events at three instants through 128 in flight: each instant's 150 wait for room.
    const runs = await bothWays({}, undefined, 128);
    expect(runs.sideBySide.replayedAgain).toBe(0);
    expectSame(runs);
    expect(Object.values(onboardingStates(runs.oneByOne.state)).filter((s) => s === 'training')).toHaveLength(
      150,
    );
  });
});
