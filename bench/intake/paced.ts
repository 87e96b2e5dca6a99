// Deliveries at a fixed rate, evenly spaced (open loop), in its own process. autocannon's
// `overallRate` is not that: each connection sends its share of the second back to back as soon
// as its one-second counter resets (autocannon lib/httpClient.js: `reqsMadeThisSecond++ < rate`),
// so 1,000 req/s arrive as one burst of 1,000 at the top of each second. Gitea sends a delivery
// when something happens; a steady rate is what "p99 at 1,000 req/s" asks about.
import { Agent, request } from 'node:http';
import { tell } from '../lib/child.js';
import { quantile, round } from '../lib/stats.js';
import { deliveryTemplate, renderDelivery } from './deliveries.js';
import type { LoadResult } from './load.js';

export type PacedSpec = { url: string; seconds: number; rate: number; connections: number; firstId: number };

const spec = JSON.parse(process.argv[2] ?? '{}') as PacedSpec;
const template = deliveryTemplate('command');
const total = Math.round(spec.seconds * spec.rate);
// Signed before the clock starts, so that signing does not delay the sends.
const deliveries = Array.from({ length: total }, (_, i) => renderDelivery(template, spec.firstId + i));
const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
const target = new URL(spec.url);
const latencies: number[] = [];
const statusCounts: Record<string, number> = {};
let errors = 0;
let answered = 0;

const send = (i: number, due: number) =>
  new Promise<void>((resolve) => {
    const { body, headers } = deliveries[i] as ReturnType<typeof renderDelivery>;
    const req = request(
      { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
      (res) => {
        res.resume();
        res.once('end', () => {
          // From when the delivery was due, not when it left: a late send counts against the server
          // (no coordinated omission).
          latencies.push(performance.now() - due);
          statusCounts[res.statusCode ?? 0] = (statusCounts[res.statusCode ?? 0] ?? 0) + 1;
          answered += 1;
          resolve();
        });
      },
    );
    req.once('error', () => {
      errors += 1;
      resolve();
    });
    req.end(body);
  });

const interval = 1000 / spec.rate;
const start = performance.now() + 50;
const inFlight: Promise<void>[] = [];
let next = 0;
while (next < total) {
  const now = performance.now();
  while (next < total && start + next * interval <= now) {
    inFlight.push(send(next, start + next * interval));
    next += 1;
  }
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, start + next * interval - performance.now())),
  );
}
await Promise.all(inFlight);
const elapsed = (performance.now() - start) / 1000;
agent.destroy();
await tell({
  rps: round(answered / elapsed),
  p50Ms: round(quantile(latencies, 0.5), 2),
  p99Ms: round(quantile(latencies, 0.99), 2),
  requests: answered,
  errors,
  timeouts: 0,
  statusCounts,
} satisfies LoadResult);
process.exit(0);
