import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus series of one process, exposed at GET /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'operator_bot_' });
  return {
    registry,
    webhooks: new Counter({
      name: 'operator_bot_webhooks_total',
      help: 'Webhook deliveries by event type and outcome',
      labelNames: ['event', 'outcome'] as const,
      registers: [registry],
    }),
    jobs: new Counter({
      name: 'operator_bot_jobs_total',
      help: 'Jobs by outcome: completed, failed (final), retried',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'operator_bot_job_duration_seconds',
      help: 'Time to process one job',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    giteaCalls: new Counter({
      name: 'operator_bot_gitea_requests_total',
      help: 'Gitea API calls by method and HTTP status (0 = no answer)',
      labelNames: ['method', 'status'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
