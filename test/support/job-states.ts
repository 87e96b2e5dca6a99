import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { EVENTS_QUEUE } from '../../src/queue/event-queue.js';

/** The states of the event jobs of comment `id` (BullMQ), through a connection of the caller's own on `redisUrl`. */
export async function commentJobStates(redisUrl: string, id: number): Promise<string[]> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(EVENTS_QUEUE, { connection });
  try {
    const jobs = await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed']);
    const states = jobs.filter((job) => job?.data?.event?.comment?.id === id).map((job) => job.getState());
    return await Promise.all(states);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

/** The states of the event jobs of `kind` about issue `number` of `repo` (BullMQ), as commentJobStates. */
export async function issueJobStates(
  redisUrl: string,
  repo: string,
  number: number,
  kind: string,
): Promise<string[]> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(EVENTS_QUEUE, { connection });
  try {
    const jobs = await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed']);
    const states = jobs
      .filter((job) => {
        const event = job?.data?.event;
        return event?.repo === repo && event?.issue?.number === number && event?.kind === kind;
      })
      .map((job) => job.getState());
    return await Promise.all(states);
  } finally {
    await queue.close();
    connection.disconnect();
  }
}
