import { describe, expect, it } from 'vitest';
import { CATCH_UP_DELIVERY_ID } from '../../src/gitea/event.js';
import { normalizeDelivery } from '../../src/gitea/normalize.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { commentAt } from '../support/crash-points.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, approvedPayroll } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';
import { snapshotDatabase } from '../support/redis-state.js';

// A Redis that lost its last writes (restored from a backup, an AOF cut short): the catch-up reads
// Gitea 24 h back and finds a command the bot answered after that point. Its reply is looked for
// among the comments before posting (catch-up-new-redis.test.ts); so must be what the events it
// queues post — the payroll refresh a /report leads to, with its note that the approvals are void.

const redis = useRedis();
const gitea = useFakeGitea();

describe('the follow-up jobs of a catch-up event on a Redis that lost its last writes', () => {
  it('post no second note in the payroll issue', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    const payroll = await approvedPayroll(core, gitea());
    const backup = await snapshotDatabase(redis.client);
    gitea().addIssue(PROGRAM_REPO, { number: 40, title: 'Reports', user: 'bob' });
    const report = commentAt(
      40,
      804,
      'bob',
      '/report uptime=95 tasks=20/25 week=2026-W46',
      '2026-12-02T12:00:00Z',
      {
        labels: [],
      },
    );
    await core.handle(report);
    await core.fire(/^refresh-payroll/);
    const notes = payroll.comments();
    expect(notes.filter((body) => body.includes('approval(s) are void'))).toHaveLength(1);
    const replies = gitea().comments(PROGRAM_REPO, 40);

    await backup(); // Redis as it was before the /report
    const twin = normalizeDelivery('issue_comment', report, CATCH_UP_DELIVERY_ID);
    if (twin.outcome !== 'event') throw new Error('the catch-up twin does not parse');
    await core.handleEvent(twin.event);
    expect(await core.fire(/^refresh-payroll/)).toBeGreaterThan(0);
    expect(payroll.comments()).toEqual(notes);
    expect(gitea().comments(PROGRAM_REPO, 40)).toEqual(replies);
  });
});
