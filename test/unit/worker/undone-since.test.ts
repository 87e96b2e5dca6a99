import { describe, expect, it } from 'vitest';
import { undoneSince } from '../../../src/worker/current-issue.js';

const issueNow = (state: 'open' | 'closed') => ({
  title: 'Gateway down',
  body: '',
  state,
  labels: [],
  assignees: [],
  isPull: false,
});

describe('a close or reopen undone before it was handled', () => {
  it.each([
    ['issue.closed', 'open', true],
    ['issue.closed', 'closed', false],
    ['issue.reopened', 'closed', true],
    ['issue.reopened', 'open', false],
    ['issue.edited', 'closed', false],
    ['comment.created', 'open', false],
  ] as const)('%s with the issue %s now: undone %s', (kind, state, undone) => {
    expect(undoneSince({ kind }, issueNow(state))).toBe(undone);
  });
});
