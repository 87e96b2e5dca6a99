import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { hookSecret } from '../../src/intake/signature.js';
import { EVENTS_QUEUE } from '../../src/queue/event-queue.js';
import { commentPayload, issueLabelPayload, signDelivery } from '../../test/support/deliveries.js';
import { SECRET } from '../intake/deliveries.js';
import { type Child, startChild } from '../lib/child.js';
import { privateRedis } from '../lib/redis.js';
import { quantile, round, sleep, until } from '../lib/stats.js';
import { type Applicant, type GiteaProgress, type GiteaReady, now } from './shared.js';

export type E2eOptions = {
  workers: number;
  issues: number;
  events: number;
  ratePerSecond: number;
  /** Write a CPU profile of the (first) worker here. */
  cpuProfDir?: string;
};
export type E2eResult = {
  workers: number;
  events: number;
  ratePerSecond: number;
  /** POST accepted (202 received) → the reply comment's POST reaching Gitea. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Replies not written within a minute of the last POST (not in the percentiles). */
  missing: number;
  /** The webhook POST itself (sent → 202), under this load. */
  intakeP99Ms: number;
  /** First POST sent → last reply written. */
  wallMs: number;
  /** The applications to their status comments, before the timed part. */
  setupMs: number;
};

/**
 * `issues` onboarding applications (each labelled, then waited for until it has its status
 * comment), then `events` `/status` comments spread round-robin over them, posted at a fixed rate
 * to an intake process while `workers` worker processes drain the queue. Each reply write is timed
 * (in the Gitea emulator's process) against the moment its delivery was accepted (here).
 */
export async function benchE2e(options: E2eOptions): Promise<E2eResult> {
  const children: Child[] = [];
  const redis = await privateRedis({ durable: true }); // as deployed
  const queueConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(EVENTS_QUEUE, { connection: queueConnection });
  try {
    const giteaChild = startChild(new URL('./gitea.ts', import.meta.url), { args: [String(options.issues)] });
    children.push(giteaChild);
    const gitea = await giteaChild.next<GiteaReady>();
    const progress = () => {
      giteaChild.send('progress');
      return giteaChild.next<GiteaProgress>();
    };
    const env = {
      GITEA_URL: gitea.url,
      GITEA_TOKEN: gitea.token,
      WEBHOOK_SECRET: SECRET,
      REDIS_URL: redis.url,
    };
    const bot = new URL('./bot.ts', import.meta.url);
    const server = startChild(bot, { env: { ...env, ROLE: 'server' } });
    const workers = Array.from({ length: options.workers }, (_, i) =>
      startChild(bot, {
        env: { ...env, ROLE: 'worker' },
        ...(i === 0 && options.cpuProfDir ? { cpuProfDir: options.cpuProfDir } : {}),
      }),
    );
    children.push(server, ...workers);
    const [{ port }] = await Promise.all([
      server.next<{ port: number }>(),
      ...workers.map((worker) => worker.next<{ port: number }>()),
    ]);
    const post = async (payload: { repository: { full_name: string } }) => {
      const { body, headers } = signDelivery(payload, hookSecret(SECRET, payload.repository.full_name));
      const response = await fetch(`http://127.0.0.1:${port}/webhooks/gitea`, {
        method: 'POST',
        body,
        headers,
      });
      if (response.status !== 202)
        throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
    };
    // Idle: nothing waiting or running, and no event waiting for a retry or an issue lock
    // (timers and repeatable schedules, far in the future, stay delayed).
    const idle = async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
      const retrying = (await queue.getDelayed()).filter((job) => job.name === 'event');
      return retrying.length === 0 && Object.values(counts).every((n) => n === 0);
    };
    const issueOf = (a: Applicant) => ({
      number: a.number,
      issue: { id: a.id, number: a.number, body: a.body, user: { login: a.login } },
      sender: { login: a.login },
    });

    const setupStart = performance.now();
    for (const a of gitea.applicants) await post(issueLabelPayload(['operator-application'], issueOf(a)));
    await until(async () => (await progress()).statusComments === options.issues, 'status comments', 60_000);
    await until(idle, 'the queue to drain', 30_000);
    const setupMs = performance.now() - setupStart;

    const acceptedAt = new Map<number, number>();
    const intake: number[] = [];
    const started = performance.now();
    const posts: Promise<void>[] = [];
    for (let n = 0; n < options.events; n++) {
      const wait = started + (n * 1000) / options.ratePerSecond - performance.now();
      if (wait > 1) await sleep(wait);
      const a = gitea.applicants[n % gitea.applicants.length] as Applicant;
      const { issue, sender } = issueOf(a);
      const id = 500_000 + n;
      const payload = commentPayload('created', '/status', { issue, comment: { id }, sender });
      const sent = now();
      posts.push(
        post(payload).then(() => {
          acceptedAt.set(id, now());
          intake.push(now() - sent);
        }),
      );
    }
    await Promise.all(posts);
    let replies = new Map<number, number>();
    const allReplied = async () => {
      replies = new Map((await progress()).replies);
      return replies.size >= options.events;
    };
    await until(allReplied, `${options.events} replies`, 60_000).catch(() => undefined);
    const latencies = [...acceptedAt].flatMap(([id, at]) => {
      const written = replies.get(id);
      return written === undefined ? [] : [written - at];
    });
    return {
      workers: options.workers,
      events: options.events,
      ratePerSecond: options.ratePerSecond,
      p50Ms: round(quantile(latencies, 0.5)),
      p99Ms: round(quantile(latencies, 0.99)),
      maxMs: round(Math.max(...latencies)),
      missing: options.events - latencies.length,
      intakeP99Ms: round(quantile(intake, 0.99)),
      wallMs: Math.round(Math.max(...replies.values()) - Math.min(...acceptedAt.values())),
      setupMs: Math.round(setupMs),
    };
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await queue.close();
    queueConnection.disconnect();
    await redis.stop();
  }
}
