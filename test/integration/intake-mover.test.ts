import { Redis } from 'ioredis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BotEvent } from '../../src/gitea/event.js';
import { normalizeDelivery } from '../../src/gitea/normalize.js';
import { createLogger } from '../../src/logger.js';
import { createEventQueue, type EventQueue } from '../../src/queue/event-queue.js';
import { createAcceptDelivery } from '../../src/queue/intake-log.js';
import { startIntakeMover } from '../../src/queue/intake-mover.js';
import { INTAKE_GROUP, INTAKE_STREAM } from '../../src/store/intake.js';
import { eventually } from '../support/bot.js';
import { commentPayload } from '../support/deliveries.js';
import { goIndentedJson } from '../support/gitea/go-json.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const event = (comment: number): BotEvent => ({
  kind: 'comment.created',
  repo: 'fleet/program',
  issue: {
    number: 7,
    id: 70,
    title: 'Application',
    body: '',
    author: 'alice',
    state: 'open',
    labels: [],
    assignees: [],
    createdAt: '2026-11-21T10:00:00.000Z',
    isPull: false,
  },
  actor: 'alice',
  at: '2026-11-21T10:00:00.000Z',
  comment: { id: comment, body: '/status', createdAt: '2026-11-21T10:00:00.000Z' },
});

function connect() {
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue: EventQueue = createEventQueue(connection);
  cleanups.push(async () => {
    await queue.close();
    connection.disconnect();
  });
  return { connection, queue };
}

function mover(connection: Redis, queue: EventQueue, log = createLogger('silent'), claimAfterMs = 30_000) {
  const running = startIntakeMover({ connection, queue, log, claimAfterMs });
  cleanups.push(() => running.close());
  return running;
}

describe('the intake stream, moved into the queue by the worker', () => {
  it('queues each accepted delivery once under its job id and empties the stream', async () => {
    const { connection, queue } = connect();
    const accept = createAcceptDelivery(connection);
    expect(
      await Promise.all([accept(event(1), 'ev-1'), accept(event(2), 'ev-2'), accept(event(1), 'ev-1')]),
    ).toEqual(['queued', 'queued', 'duplicate']);
    mover(connection, queue);
    await eventually(async () =>
      expect((await queue.getWaiting()).map((job) => job.id).sort()).toEqual(['ev-1', 'ev-2']),
    );
    await eventually(async () => expect(await connection.xlen(INTAKE_STREAM)).toBe(0));
    expect((await queue.getJob('ev-2'))?.data).toEqual({ event: event(2) });
  });

  it('takes over the entries a dead worker read and never acknowledged', async () => {
    const { connection, queue } = connect();
    await createAcceptDelivery(connection)(event(3), 'ev-3');
    await connection.xgroup('CREATE', INTAKE_STREAM, INTAKE_GROUP, '0', 'MKSTREAM');
    const read = await connection.xreadgroup(
      'GROUP',
      INTAKE_GROUP,
      'dead-worker',
      'COUNT',
      10,
      'STREAMS',
      INTAKE_STREAM,
      '>',
    );
    expect(read).not.toBeNull();
    mover(connection, queue, createLogger('silent'), 200);
    await eventually(async () => expect(await queue.getJob('ev-3')).toBeDefined(), 5_000);
    await eventually(async () => expect(await connection.xlen(INTAKE_STREAM)).toBe(0));
  });

  it('drops an entry that is not an event, saying so in the log, and moves the next one', async () => {
    const { connection, queue } = connect();
    await connection.xadd(INTAKE_STREAM, '*', 'job', 'ev-bad', 'event', JSON.stringify({ kind: 'nope' }));
    await createAcceptDelivery(connection)(event(4), 'ev-4');
    const log = createLogger('silent');
    const error = vi.spyOn(log, 'error');
    mover(connection, queue, log);
    await eventually(async () => expect(await queue.getJob('ev-4')).toBeDefined());
    expect(await queue.getJob('ev-bad')).toBeUndefined();
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({ job: 'ev-bad' }),
      expect.stringContaining('dropped'),
    );
    await eventually(async () => expect(await connection.xlen(INTAKE_STREAM)).toBe(0));
  });

  it('gives the worker the texts exactly as written: line breaks, quotes, backslashes, emoji, an empty comment', async () => {
    const { connection, queue } = connect();
    const accept = createAcceptDelivery(connection);
    const text = 'line 1\r\nline "2"\t\\ back\u2028slash 🚀\n\n/status\n';
    const rich: BotEvent = {
      ...event(5),
      issue: { ...event(5).issue, body: text },
      comment: { id: 5, body: text, createdAt: '2026-11-21T10:00:00.000Z' },
    };
    const empty: BotEvent = {
      ...event(6),
      comment: { id: 6, body: '', createdAt: '2026-11-21T10:00:00.000Z' },
    };
    const { comment: _none, ...issueOnly } = { ...event(8), kind: 'issue.opened' as const };
    await Promise.all([accept(rich, 'ev-5'), accept(empty, 'ev-6'), accept(issueOnly, 'ev-8')]);
    mover(connection, queue);
    await eventually(async () => expect((await queue.getWaiting()).length).toBe(3));
    expect((await queue.getJob('ev-5'))?.data).toEqual({ event: rich });
    expect((await queue.getJob('ev-6'))?.data).toEqual({ event: empty });
    expect((await queue.getJob('ev-8'))?.data).toEqual({ event: issueOnly });
  });

  it('queues a webhook delivery stored as its bytes as the event the intake built, in one script call with an event of the catch-up', async () => {
    const { connection, queue } = connect();
    const accept = createAcceptDelivery(connection);
    const text = 'line 1\r\nline "2"\t\\ back\u2028slash 🚀 <!-- x -->\n\n/status\n';
    const body = Buffer.from(goIndentedJson(commentPayload('created', text, { comment: { id: 77 } })));
    const built = normalizeDelivery('issue_comment', JSON.parse(body.toString()), 'd-77', 'light');
    if (built.outcome !== 'event') throw new Error(built.reason);
    const raw = { eventType: 'issue_comment', deliveryId: 'd-77', body };
    expect(
      await Promise.all([
        accept(built.event, 'ev-77', raw),
        accept(event(10), 'ev-10'),
        accept(built.event, 'ev-77', raw),
      ]),
    ).toEqual(['queued', 'queued', 'duplicate']);
    mover(connection, queue);
    await eventually(async () => expect((await queue.getWaiting()).length).toBe(2));
    expect((await queue.getJob('ev-77'))?.data).toEqual({ event: built.event });
    expect(built.event.comment?.body).toBe(text);
    expect((await queue.getJob('ev-10'))?.data).toEqual({ event: event(10) });
  });

  it('moves entries written before the texts had fields of their own (the whole event as JSON)', async () => {
    const { connection, queue } = connect();
    await connection.xadd(INTAKE_STREAM, '*', 'job', 'ev-9', 'event', JSON.stringify(event(9)));
    mover(connection, queue);
    await eventually(async () => expect((await queue.getJob('ev-9'))?.data).toEqual({ event: event(9) }));
  });
});
