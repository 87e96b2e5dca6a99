import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hookSecret } from '../../src/intake/signature.js';
import { startWithApplication as startApplication } from '../support/application-bot.js';
import {
  eventually,
  PROGRAM_REPO,
  seedProgram,
  signedForBot,
  type TestBot,
  WEBHOOK_SECRET,
} from '../support/bot.js';
import { commentPayload, signDelivery } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';

// Each watched repository's webhook has its own secret (src/intake/signature.ts hookSecret): Gitea
// shows a hook's secret to every admin of its repository (Settings → Webhooks), and an admin of a
// quality repository is not a maintainer of the program.

const redis = useRedis();
const gitea = useFakeGitea();
let bot: TestBot | undefined;
const QUALITY_REPO = 'fleet/quality';

/** Maintainer maint's `/approve` of application #7, as Gitea would build it; `repository` as given. */
const approve = (id: number, repository = PROGRAM_REPO) => {
  const payload = gitea().asCommentSaved(
    commentPayload('created', '/approve', {
      comment: { id, user: { login: 'maint' } },
      sender: { login: 'maint' },
    }),
  );
  return { ...payload, repository: { ...payload.repository, full_name: repository } };
};
const post = (delivery: { body: string; headers: Record<string, string> }) =>
  fetch(`${bot?.url}/webhooks/gitea`, { method: 'POST', ...delivery });
const labels = () => gitea().issueLabels(PROGRAM_REPO, 7);

beforeEach(() => {
  seedProgram(gitea());
  addApplicationIssue(gitea(), 'Application');
});
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('a delivery is verified with the secret of the repository it names', () => {
  it("signed with another watched repository's hook secret (its admin can read it in Gitea): 401, and the application stays in screening", async () => {
    bot = await startApplication(redis.url, gitea());
    const forged = signDelivery(approve(9101), hookSecret(WEBHOOK_SECRET, QUALITY_REPO));
    const answer = await post(forged);
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: string }).error).toContain('operator-bot init --repo');
    // A legitimate delivery after it is handled: the forged one was not queued before it.
    expect((await bot.deliver(commentPayload('created', '/status', { comment: { id: 9102 } }))).status).toBe(
      202,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(labels()).toContain('onboarding/screening');
    expect(
      gitea()
        .comments(PROGRAM_REPO, 7)
        .some((c) => c.body.includes('operator-bot:reply 9101 ')),
    ).toBe(false);
  });

  it('signed with WEBHOOK_SECRET itself (a hook set up before each repository had its own): 401', async () => {
    bot = await startApplication(redis.url, gitea());
    expect((await post(signDelivery(approve(9103), WEBHOOK_SECRET))).status).toBe(401);
    expect(labels()).toContain('onboarding/screening');
  });

  it('a payload renamed to another repository after signing (the signature no longer matches): 401', async () => {
    bot = await startApplication(redis.url, gitea());
    const signed = signedForBot(approve(9104, QUALITY_REPO));
    const renamed = signed.body.replace(`"full_name": "${QUALITY_REPO}"`, `"full_name": "${PROGRAM_REPO}"`);
    expect(renamed).not.toBe(signed.body);
    expect((await post({ ...signed, body: renamed })).status).toBe(401);
  });

  it("signed with its own repository's secret: obeyed", async () => {
    bot = await startApplication(redis.url, gitea());
    expect((await post(signedForBot(approve(9105)))).status).toBe(202);
    await eventually(() => expect(labels()).toContain('onboarding/training'));
  });
});
