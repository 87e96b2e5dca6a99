import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import type { BotEvent } from '../../src/gitea/event.js';
import { createMaintainerCheck } from '../../src/gitea/maintainers.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';

// Gitea's comment delivery carries the commenter's access to the repository the comment is in
// (services/webhook/notifier.go CreateIssueComment). Only an admin of the program repository is
// a maintainer by it: the role is never read from another repository's answer or another person's.

const redis = useRedis();
const gitea = useFakeGitea();
const PERMISSION = '/repos/{owner}/{repo}/collaborators/{collaborator}/permission';

const event = (repo: string, actor: string, actorAdmin?: boolean): BotEvent => ({
  kind: 'comment.created',
  repo,
  issue: {
    number: 1,
    id: 1,
    title: 't',
    body: '',
    author: actor,
    state: 'open',
    labels: [],
    assignees: [],
    createdAt: '2026-11-30T00:00:00.000Z',
    isPull: false,
  },
  actor,
  at: '2026-11-30T00:00:00.000Z',
  ...(actorAdmin === undefined ? {} : { asOfComment: { actorAdmin } }),
});

function check() {
  seedProgram(gitea());
  gitea().addRepo('fleet/tools');
  gitea().addUser('mallory');
  gitea().setPermission('fleet/tools', 'mallory', 'admin');
  const api = createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 });
  return createMaintainerCheck(api, redis.client, defaultProgramConfig(), PROGRAM_REPO, gitea().botLogin);
}
const asked = () =>
  gitea()
    .requestsTo('GET', PERMISSION)
    .map((r) => r.path.split('/')[5]);

describe('the maintainer role from a comment delivery', () => {
  it('an admin of the program repository, as the delivery says: no permission read', async () => {
    const isMaintainer = check();
    expect(await isMaintainer('maint', event(PROGRAM_REPO, 'maint', true))).toBe(true);
    expect(await isMaintainer('MAINT', event('Fleet/Program', 'maint', true))).toBe(true);
    expect(asked()).toEqual([]);
  });

  it('an admin of another watched repository is asked of the program repository, and is no maintainer', async () => {
    const isMaintainer = check();
    expect(await isMaintainer('mallory', event('fleet/tools', 'mallory', true))).toBe(false);
    expect(asked()).toEqual(['mallory']);
  });

  it('the delivery speaks for its commenter only: anyone else it names is asked', async () => {
    const isMaintainer = check();
    expect(await isMaintainer('bob', event(PROGRAM_REPO, 'maint', true))).toBe(false);
    expect(asked()).toEqual(['bob']);
  });

  it('a delivery that says "not admin", or says nothing, is asked of Gitea, whose answer counts', async () => {
    const isMaintainer = check();
    expect(await isMaintainer('maint', event(PROGRAM_REPO, 'maint', false))).toBe(true);
    expect(await isMaintainer('maint', event(PROGRAM_REPO, 'maint'))).toBe(true);
    expect(await isMaintainer('mallory', event(PROGRAM_REPO, 'mallory'))).toBe(false);
    expect(asked()).toEqual(['maint', 'maint', 'mallory']);
  });
});
