import { describe, expect, it } from 'vitest';
import type { IssueWriter } from '../../../src/gitea/writer.js';
import { confirming, IssueGone, issueExistence } from '../../../src/worker/issue-exists.js';

// A comment delivery is decided without reading its issue; before a write outside Gitea, the
// issue is read once unless a write to it in Gitea already succeeded (src/worker/issue-exists.ts).

function counted(answer: boolean) {
  const reads = { count: 0 };
  const exists = async () => {
    reads.count++;
    return answer;
  };
  return { reads, exists };
}

describe('issueExistence', () => {
  it.each([
    { name: 'there: one read for any number of writes', there: true, confirms: 3, reads: 1, gone: false },
    {
      name: 'deleted: the first write outside Gitea is refused',
      there: false,
      confirms: 1,
      reads: 1,
      gone: true,
    },
  ])('$name', async ({ there, confirms, reads, gone }) => {
    const { reads: made, exists } = counted(there);
    const existence = issueExistence(exists);
    const outcomes: string[] = [];
    for (let i = 0; i < confirms; i++)
      outcomes.push(
        await existence.confirm().then(
          () => 'ok',
          (error: unknown) => (error instanceof IssueGone ? 'gone' : 'other'),
        ),
      );
    expect(outcomes).toEqual(Array(confirms).fill(gone ? 'gone' : 'ok'));
    expect(made.count).toBe(reads);
  });

  it('a write to the issue in Gitea that succeeded is proof enough: no read', async () => {
    const { reads, exists } = counted(false);
    const existence = issueExistence(exists);
    const writer = confirming({ reply: async () => 'posted' } as unknown as IssueWriter, existence);
    expect(await (writer.reply as unknown as () => Promise<string>)()).toBe('posted');
    await existence.confirm();
    expect(reads.count).toBe(0);
  });

  it('a write in Gitea that failed proves nothing: the read is still made', async () => {
    const { reads, exists } = counted(true);
    const existence = issueExistence(exists);
    const failing = confirming(
      {
        reply: async () => {
          throw new Error('502');
        },
      } as unknown as IssueWriter,
      existence,
    );
    await expect((failing.reply as unknown as () => Promise<void>)()).rejects.toThrow('502');
    await existence.confirm();
    expect(reads.count).toBe(1);
  });

  it('nothing to confirm when the issue was read before deciding, or is never read', async () => {
    await expect(issueExistence().confirm()).resolves.toBeUndefined();
  });
});
