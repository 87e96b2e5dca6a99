import { describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../src/config/load.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { giteaWorld } from '../support/gitea-world.js';
import { rebuildFromGitea } from '../support/rebuild.js';
import { useRedis } from '../support/redis.js';
import { storedState } from '../support/redis-state.js';
import { completeForm } from '../support/workflows.js';

/**
 * The maintainer role asked of Gitea only when a decision looks at it (src/worker/actor-roles.ts),
 * in a rebuild: replaying a history made by the live bot, where maintainers of every kind (admin,
 * team, config list), a writer, an outsider and an author act by command and by hand, regrows
 * exactly the workflow state the live bot kept.
 */
let clock = new Date('2026-09-01T09:00:00Z');
const redis = useRedis();
const gitea = useFakeGitea({ now: () => clock });
const at = (iso: string) => {
  clock = new Date(iso);
};
const config = parseProgramConfig('maintainers:\n  users: [lena]\n  teams: [fleet/maintainers]\n');
const time = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 8, day, hour, minute)).toISOString().replace('.000Z', 'Z');

describe('a rebuild decides who is a maintainer as the live bot did', () => {
  it('closes, reopens and commands by maintainers, a writer, an outsider and authors: the same workflow state', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    for (const login of ['tina', 'lena', 'dave', 'ana']) gitea().addUser(login, { password: 'pw' });
    gitea().addUser('mallory');
    for (const login of ['tina', 'lena', 'dave']) gitea().setPermission(PROGRAM_REPO, login, 'write');
    gitea().addTeam('fleet/maintainers', ['tina', 'operator-bot']);
    const core = testCore(redis.client, gitea(), config);
    const people = giteaWorld(core, gitea, at);
    const setState = async (login: string, number: number, state: 'closed' | 'open', when: string) =>
      expect(await people.setState(login, number, state, when)).toBe(201);
    const state = (number: number) => gitea().issue(PROGRAM_REPO, number)?.state;

    const application = await people.open(
      'ana',
      'Application',
      completeForm,
      ['operator-application'],
      time(2, 9),
    );
    await people.say('mallory', application, '/approve', time(2, 9, 1));
    await people.say('ana', application, '/approve', time(2, 9, 2));
    await people.say('lena', application, '/approve', time(2, 9, 3));
    await people.say('ana', application, '/module 1', time(2, 9, 4));
    await people.say('tina', application, '/quiz 90\n/shadow @carol', time(2, 9, 5));
    await setState('dave', application, 'closed', time(2, 9, 6));
    expect(state(application)).toBe('open');
    await setState('ana', application, 'closed', time(2, 9, 7));
    expect(state(application)).toBe('closed');

    // A maintainer lowers the alert's severity before it is resolved and reopened: the reopened
    // alert keeps it (its deadline and the response bonus follow), live and rebuilt alike.
    const alert = await people.open(
      'bob',
      'Gateway down',
      '### Operator\n\n@bob\n\n### Problem\n\nThe gateway is down.',
      ['operator-alert'],
      time(3, 10),
    );
    await people.say('dave', alert, '/severity warning\n/ack', time(3, 10, 1));
    await people.say('tina', alert, '/severity warning', time(3, 10, 1));
    await setState('dave', alert, 'closed', time(3, 10, 2));
    expect(state(alert)).toBe('open');
    await setState('tina', alert, 'closed', time(3, 10, 3));
    expect(state(alert)).toBe('closed');
    await setState('dave', alert, 'open', time(3, 10, 4));
    expect(state(alert)).toBe('closed');
    await setState('lena', alert, 'open', time(3, 10, 5));
    expect(state(alert)).toBe('open');
    await people.say('lena', alert, '/help', time(3, 10, 6));
    await people.say('maint', alert, '/ack', time(3, 10, 8));

    const workflowState = async () =>
      storedState(redis.client, (store) => ['instances', 'alerts'].includes(store));
    const live = await workflowState();
    const onboarding = JSON.parse(String(live[`ob:instance:${PROGRAM_REPO}#${application}:onboarding`])) as {
      state: string;
      data: Record<string, unknown>;
    };
    const alerted = JSON.parse(
      String(live[`ob:instance:${PROGRAM_REPO}#${alert}:alert`]),
    ) as typeof onboarding;
    expect(alerted).toMatchObject({
      state: 'acknowledged',
      // Reopened at 10:05 as a warning: acknowledged within 4 h of the reopening.
      data: {
        severity: 'warning',
        openedAt: '2026-09-03T10:05:00.000Z',
        ackDeadline: '2026-09-03T14:05:00.000Z',
        acknowledgedBy: 'maint',
      },
    });
    expect(onboarding).toMatchObject({
      state: 'training',
      data: { modules: [1], quizScore: 90, mentor: 'carol' },
    });
    const writes = gitea().requests.filter((r) => r.method !== 'GET').length;

    await rebuildFromGitea(redis.client, gitea(), { config, now: '2026-09-03T10:10:00.000Z' });
    expect(await workflowState()).toEqual(live);
    expect(gitea().requests.filter((r) => r.method !== 'GET').length).toBe(writes);
  });
});
