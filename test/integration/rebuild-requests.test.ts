import { describe, expect, it } from 'vitest';
import { loadProgram } from '../../src/app/program.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import { createLogger } from '../../src/logger.js';
import { rebuild } from '../../src/rebuild/rebuild.js';
import { createInstanceStore } from '../../src/store/instances.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

// Issue #19: rebuild asked Gitea for the permission of the same maintainer at every command it
// replayed (the live bot must: Gitea sends no webhook when a permission changes). A rebuild
// replays against Gitea as it is at one moment, so it asks once per person.

const redis = useRedis();
const gitea = useFakeGitea();
const PERMISSION = /\/collaborators\/[^/]+\/permission$/;

describe('rebuild asks Gitea for a permission once per person', () => {
  it('six /approve by one maintainer: one permission read for the maintainer, the same state', async () => {
    seedProgram(gitea());
    for (let i = 0; i < 6; i++) {
      const login = `applicant${i}`;
      gitea().addUser(login);
      const issue = gitea().addIssue(PROGRAM_REPO, {
        title: `Application ${i}`,
        body: completeForm,
        user: login,
        labels: ['operator-application'],
      });
      gitea().addComment(PROGRAM_REPO, issue.number, { user: 'maint', body: '/approve' });
    }
    await rebuild({
      redis: redis.client,
      gitea: createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 }),
      config: defaultProgramConfig(),
      program: loadProgram(defaultProgramConfig()),
      programRepo: PROGRAM_REPO,
      repos: [PROGRAM_REPO],
      botLogin: gitea().botLogin,
      markerSecret: gitea().token,
      log: createLogger('silent'),
      now: new Date().toISOString(),
      scheduleFuture: async () => undefined,
    });
    const asked = gitea()
      .requestsTo('GET', PERMISSION)
      .map((request) => request.path.match(/collaborators\/([^/]+)\//)?.[1]);
    expect(asked.filter((login) => login === 'maint')).toHaveLength(1);
    expect(new Set(asked).size).toBe(asked.length);
    const instances = await createInstanceStore(redis.client).all();
    expect(instances.map((instance) => instance.state)).toEqual(Array(6).fill('training'));
  });
});
