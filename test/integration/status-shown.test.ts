import { describe, expect, it } from 'vitest';
import { createMarkerSeal } from '../../src/domain/text/marker.js';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { createLabelCatalog } from '../../src/gitea/labels.js';
import { createIssueWriter } from '../../src/gitea/writer.js';
import { createWrittenStore } from '../../src/store/written.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();

function writerFor(issue: number) {
  const client = createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 });
  const deps = {
    gitea: client,
    labels: createLabelCatalog(client, []),
    redis: redis.client,
    botLogin: gitea().botLogin,
    seal: createMarkerSeal(gitea().token),
  };
  return createIssueWriter(deps, repoRef(PROGRAM_REPO), issue);
}

const marker = { state: 'review', version: 4, updatedAt: '2026-11-02T09:00:00.000Z' };

// When Gitea first showed each status version is what an /approve is weighed against
// (src/workflows/payroll/actions.ts). A job killed after its status edit and before it saved the
// instance decides that version again when retried, on the inputs as they are then.
describe('when the table at a status version was first shown', () => {
  it.each([
    [
      'a retried decision that writes another table at the same version is shown from its own write',
      '@alice $170.00\n@bob $20.00',
      '2026-11-02T10:20:00.000Z',
    ],
    [
      'the same table written again at its version (a retry after a lost answer) keeps its first time',
      '@alice $170.00',
      '2026-11-02T10:00:00.000Z',
    ],
  ])('%s', async (_, again, shownAt) => {
    seedProgram(gitea());
    const issue = gitea().addIssue(PROGRAM_REPO, { title: 'Payroll 2026-10', user: 'maint' }).number ?? 0;
    const ref = { repo: repoRef(PROGRAM_REPO), issue };
    gitea().clockAt('2026-11-02T10:00:00Z');
    await writerFor(issue).upsertStatusComment('payroll', '@alice $170.00', marker);
    gitea().clockAt('2026-11-02T10:20:00Z');
    await writerFor(issue).upsertStatusComment('payroll', again, marker);
    expect(await createWrittenStore(redis.client).statusShownSince(ref, 'payroll', 4)).toBe(shownAt);
  });
});
