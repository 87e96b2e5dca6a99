import type { BotEvent } from '../gitea/event.js';

/** An event to run later: the queue holds it until `dueAt` (ISO instant) under `jobId` (one job per timer). */
export type DelayedEvent = { event: BotEvent; dueAt: string; jobId: string };
