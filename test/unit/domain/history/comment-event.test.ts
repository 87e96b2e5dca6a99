import { describe, expect, it } from 'vitest';
import { commentEventId, recordedByComment } from '../../../../src/domain/history/comment-event.js';

const at = (repo: string, issue: number, comment?: number) => ({
  repo,
  issue: { number: issue },
  ...(comment === undefined ? {} : { comment: { id: comment } }),
});

describe('history events of command comments', () => {
  it('names the event by its type, issue and comment', () => {
    expect(commentEventId('wallet', at('fleet/program', 41, 807))).toBe('wallet:fleet/program#41:807');
  });

  it.each([
    ['the same comment', 'wallet:fleet/program#41:807', at('fleet/program', 41, 807), true],
    [
      'another type, the same comment',
      'nodes-requested:fleet/program#41:807',
      at('fleet/program', 41, 807),
      true,
    ],
    ['another comment', 'wallet:fleet/program#41:806', at('fleet/program', 41, 807), false],
    ['a comment id ending the same', 'wallet:fleet/program#41:1807', at('fleet/program', 41, 807), false],
    ['another issue', 'wallet:fleet/program#4:807', at('fleet/program', 41, 807), false],
    ['an issue number ending the same', 'wallet:fleet/program#141:807', at('fleet/program', 41, 807), false],
    ['another repository', 'wallet:fleet/ops#41:807', at('fleet/program', 41, 807), false],
    ['a workflow event of the issue', 'activated:fleet/program#41', at('fleet/program', 41, 807), false],
    ['an event that is no comment (a timer)', 'wallet:fleet/program#41:0', at('fleet/program', 41), false],
  ])('recordedByComment: %s → %s', (_what, id, event, own) => {
    expect(recordedByComment(id, event)).toBe(own);
  });
});
