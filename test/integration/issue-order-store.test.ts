import { describe, expect, it } from 'vitest';
import { createIssueOrder } from '../../src/store/issue-order.js';
import { useRedis } from '../support/redis.js';

// The order of an issue's accepted events (src/store/issue-order.ts): only the first waiting one
// may run, and a job that is no longer in the queue (done, failed for good, removed) never holds
// its issue up.

const redis = useRedis();
const place = (jobId: string, entryId: string, issue = 7) => ({
  repo: 'fleet/program',
  issue,
  jobId,
  entryId,
});

describe('the order of an issue’s events', () => {
  it('lets only the first accepted run, then the next', async () => {
    const order = createIssueOrder(redis.client);
    // Stream ids in the order the intake accepted them, the same millisecond included.
    await order.enqueue([place('b', '1000-1'), place('a', '1000-0'), place('c', '1001-0')]);
    const pending = async () => true;
    expect(await order.mayRun('fleet/program', 7, 'b', pending)).toBe(false);
    expect(await order.mayRun('fleet/program', 7, 'c', pending)).toBe(false);
    expect(await order.mayRun('fleet/program', 7, 'a', pending)).toBe(true);
    await order.done('fleet/program', 7, 'a');
    expect(await order.mayRun('fleet/program', 7, 'c', pending)).toBe(false);
    expect(await order.mayRun('fleet/program', 7, 'b', pending)).toBe(true);
  });

  it('forgets a first job no longer in the queue (failed for good, removed): the issue goes on', async () => {
    const order = createIssueOrder(redis.client);
    await order.enqueue([place('gone', '1000-0'), place('next', '1001-0')]);
    const asked: string[] = [];
    const pending = async (jobId: string) => {
      asked.push(jobId);
      return jobId !== 'gone';
    };
    expect(await order.mayRun('fleet/program', 7, 'next', pending)).toBe(true);
    expect(asked).toEqual(['gone']);
    expect(await redis.client.zrange('ob:order:fleet/program#7', '0', '-1')).toEqual(['next']);
  });

  it('does not hold up a job without a place (a timer, a scheduled run), nor other issues', async () => {
    const order = createIssueOrder(redis.client);
    await order.enqueue([place('first', '1000-0'), place('other', '1000-1', 8)]);
    const pending = async () => true;
    expect(await order.mayRun('fleet/program', 7, 'timer-escalate', pending)).toBe(true);
    expect(await order.mayRun('fleet/program', 8, 'other', pending)).toBe(true);
  });

  it('keeps a place once: a delivery moved twice (the mover retried) keeps its first place', async () => {
    const order = createIssueOrder(redis.client);
    await order.enqueue([place('a', '1000-0'), place('b', '1001-0')]);
    await order.enqueue([place('a', '1002-0')]);
    expect(await order.mayRun('fleet/program', 7, 'a', async () => true)).toBe(true);
  });
});
