import { describe, expect, it } from 'vitest';
import { CATCH_UP_DELIVERY_ID, followUpOf } from '../../../src/gitea/event.js';
import type { ProgramIssues } from '../../../src/gitea/program-issues.js';
import type { DelayedEvent } from '../../../src/worker/delayed-event.js';
import { createProgramIssueOpener } from '../../../src/worker/open-program-issue.js';

// An event the bot queues because of a catch-up event may write what the bot before it wrote
// (test/integration/catch-up-follow-ups.test.ts): it carries the catch-up's mark, and only that.

describe('what a follow-up event inherits from its cause', () => {
  it.each([
    ['a catch-up event', { deliveryId: CATCH_UP_DELIVERY_ID }, { deliveryId: CATCH_UP_DELIVERY_ID }],
    ['a webhook delivery', { deliveryId: '6c1b6d2e-7f0a-4c44-9e0e-1d2f3a4b5c6d' }, {}],
    ['an event of the bot (a timer, a schedule)', {}, {}],
  ])('%s', (_what, cause, inherited) => {
    expect(followUpOf(cause)).toEqual(inherited);
  });

  it.each([
    [CATCH_UP_DELIVERY_ID, CATCH_UP_DELIVERY_ID],
    ['6c1b6d2e-7f0a-4c44-9e0e-1d2f3a4b5c6d', undefined],
  ])('the opened event of a program issue, caused by delivery %s, carries %s', async (cause, carried) => {
    const queued: DelayedEvent[] = [];
    const programIssues: ProgramIssues = {
      upsert: async () => ({ number: 12, body: 'Termination proposed' }),
      exists: async () => true,
    };
    const open = createProgramIssueOpener({
      programIssues,
      programRepo: 'fleet/program',
      botLogin: 'operator-bot',
      enqueueAt: async (job) => {
        queued.push(job);
      },
    });
    const issue = { title: 'Termination proposed: @bob', body: 'b', labels: ['exit-notice'] };
    await open(
      { type: 'openProgramIssue', key: 'termination-bob', issue, start: true },
      { actor: 'maint', at: '2026-12-02T10:00:00.000Z', deliveryId: cause },
    );
    expect(queued.map((job) => job.event.deliveryId)).toEqual([carried]);
  });
});
