import { expect } from 'vitest';
import { eventually, PROGRAM_REPO, startTestBot, type TestBot } from './bot.js';
import type { FakeGitea } from './gitea/index.js';
import { applicationLabeled } from './workflows.js';

/**
 * The bot started on `redisUrl` with application #7 (addApplicationIssue) labelled and screened:
 * its `onboarding/screening` label and status comment written.
 */
export async function startWithApplication(
  redisUrl: string,
  gitea: FakeGitea,
  env: Record<string, string> = {},
): Promise<TestBot> {
  const bot = await startTestBot(redisUrl, gitea, { env });
  await bot.deliver(applicationLabeled());
  await eventually(() => expect(gitea.issueLabels(PROGRAM_REPO, 7)).toContain('onboarding/screening'));
  await eventually(() =>
    expect(gitea.comments(PROGRAM_REPO, 7).some((c) => c.body.includes('operator-bot:state'))).toBe(true),
  );
  return bot;
}
