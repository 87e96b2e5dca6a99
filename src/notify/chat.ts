import { createNotifier, type Notifier, type NotifierConfig } from './notifier.js';

/**
 * How the worker sends chat notifications: they must not hold an issue's jobs for long, so a few
 * quick tries (5 s each, 3 attempts, 250 ms–2 s apart), then the Gitea comment is the record.
 */
export const WORKER_NOTIFY_OPTIONS = {
  timeoutMs: 5_000,
  retry: { attempts: 3, baseDelayMs: 250, maxDelayMs: 2_000 },
} as const;

/** The worker's notifier: the channels of the program config's `escalation`, sent with WORKER_NOTIFY_OPTIONS. */
export const createWorkerNotifier = (escalation: NotifierConfig): Notifier =>
  createNotifier(escalation, WORKER_NOTIFY_OPTIONS);
