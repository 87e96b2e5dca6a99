import { describe, expect, it } from 'vitest';
import { createInstanceStore } from '../../src/store/instances.js';
import { seedProgram } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { applicationsApproved, rebuildFromGitea } from '../support/rebuild.js';
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
    applicationsApproved(gitea(), 6, completeForm);
    await rebuildFromGitea(redis.client, gitea());
    const asked = gitea()
      .requestsTo('GET', PERMISSION)
      .map((request) => request.path.match(/collaborators\/([^/]+)\//)?.[1]);
    expect(asked.filter((login) => login === 'maint')).toHaveLength(1);
    expect(new Set(asked).size).toBe(asked.length);
    const instances = await createInstanceStore(redis.client).all();
    expect(instances.map((instance) => instance.state)).toEqual(Array(6).fill('training'));
  });
});
