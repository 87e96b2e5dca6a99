import { describe, expect, it } from 'vitest';
import { normalizeDelivery } from '../../src/gitea/normalize.js';
import { refreshEvent } from '../../src/workflows/payroll/refresh.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, payrollView } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';

// An event from a renamed person makes every open payroll compute its table again (the names it
// shows: handle-event.ts, identify). A comment delivery is decided without reading its issue
// (src/worker/issue-now.ts); when that issue was deleted since (Gitea sends no webhook for it,
// go-gitea/gitea#34591), the job ends there, but the rename it brought is still learnt.

const redis = useRedis();
const gitea = useFakeGitea();

describe('a renamed operator comments in an issue deleted before the bot handled it', () => {
  it.each([
    ['a plain comment', 'Back online since 08:40.'],
    ['a /report', '/report uptime=99.5 tasks=20/25 week=2026-W48'],
  ])('%s: the open payroll is computed again with the new name', async (_what, body) => {
    gitea().addUser('bob', { id: 42 });
    const core = await aMonthOfActivity(redis.client, gitea());
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    gitea().addIssue(PROGRAM_REPO, { number: 40, title: 'Ops chatter', user: 'maint' });
    gitea().renameUser('bob', 'robert');
    const robert = { login: 'robert', id: 42 };
    const at = '2026-12-02T09:00:00Z';
    const written = gitea().asCommentSaved(
      commentPayload('created', body, {
        issue: { number: 40, labels: [], user: { login: 'maint', id: 3 } },
        comment: { id: 90_001, user: robert, created_at: at, updated_at: at },
        sender: robert,
      }),
    );
    gitea().deleteIssue(PROGRAM_REPO, 40);
    const normalized = normalizeDelivery('issue_comment', written, 'delivery-1');
    if (normalized.outcome !== 'event') throw new Error(normalized.reason);
    expect(normalized.event.asOfComment).toBeDefined();
    core.timers.length = 0;
    await core.handleEvent(normalized.event);
    expect(
      core.timers.map((t) => t.jobId).filter((id) => id.startsWith('refresh-payroll-2026-11')),
    ).toHaveLength(1);
  });
});

describe('events that say what they are about are decided without reading their issue', () => {
  it('a payroll refresh with nothing new: no read of the payroll issue, nothing written', async () => {
    const core = await aMonthOfActivity(redis.client, gitea());
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const from = gitea().requests.length;
    await core.handleEvent(
      refreshEvent(
        PROGRAM_REPO,
        payrollView(gitea()).number(),
        '2026-11',
        gitea().botLogin,
        '2026-12-02T09:00:00.000Z',
      ),
    );
    expect(
      gitea()
        .requests.slice(from)
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([]);
  });
});
