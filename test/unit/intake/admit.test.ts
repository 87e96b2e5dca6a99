import { describe, expect, it } from 'vitest';
import { createAdmit } from '../../../src/intake/admit.js';
import { createIssueChangeNotes } from '../../../src/intake/issue-change-notes.js';
import type { IssueChange } from '../../../src/store/issue-changed.js';
import { commentPayload, issueLabelPayload } from '../../support/deliveries.js';
import { deliveredEvent } from '../../support/events.js';

// The intake's admission and the issue changes it keeps in memory (src/intake/admit.ts): a change
// it drops rides with the next delivery it accepts, and is kept again when that write fails.

const REPO = 'fleet/program';
const AT = '2026-11-30T10:00:00Z';

const eventOf = deliveredEvent;
const untrackedChange = eventOf(issueLabelPayload([], { number: 40, issue: { number: 40, updated_at: AT } }));
const command = eventOf(commentPayload('created', '/status', { comment: { id: 3 } }));

function intake(enqueueFails: boolean) {
  const carried: (readonly IssueChange[])[] = [];
  const issueChanges = createIssueChangeNotes(
    (repo) => repo === REPO,
    async () => undefined,
  );
  const admit = createAdmit({
    enqueue: async (_event, _jobId, _delivery, changes = []) => {
      if (enqueueFails) throw new Error('redis is away');
      carried.push(changes);
      return 'queued';
    },
    isRelevant: (event) => event.kind === 'comment.created',
    tracks: async () => false,
    botLogin: () => 'operator-bot',
    issueChanges,
  });
  return { admit, carried, issueChanges };
}

describe('admission carries the issue changes it dropped', () => {
  it('a dropped change goes with the next accepted delivery, once', async () => {
    const { admit, carried } = intake(false);
    expect(await admit(untrackedChange, 'change-40')).toBe('irrelevant');
    expect(await admit(command, 'comment-3')).toBe('queued');
    expect(await admit(command, 'comment-3-again')).toBe('queued');
    expect(carried).toEqual([[[`ob:issue-changed:${REPO}#40`, Date.parse(AT)]], []]);
  });

  it('when the accepting write fails (answered 503), the changes it took are kept for the next', async () => {
    const { admit, issueChanges } = intake(true);
    await admit(untrackedChange, 'change-40');
    await expect(admit(command, 'comment-3')).rejects.toThrow('redis is away');
    expect(issueChanges.take()).toEqual([[`ob:issue-changed:${REPO}#40`, Date.parse(AT)]]);
  });
});
