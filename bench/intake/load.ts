// The load generator, in its own process: autocannon posting freshly signed deliveries, each with
// its own comment id (the same id twice would be a duplicate, answered 200 without queueing).
import autocannon from 'autocannon';
import { tell } from '../lib/child.js';
import { deliveryTemplate, issueChangeTemplate, renderDelivery } from './deliveries.js';

export type LoadSpec = {
  url: string;
  seconds: number;
  connections: number;
  /** Requests per second from all connections together; unset: as fast as the server answers. */
  overallRate?: number;
  /**
   * Share of irrelevant deliveries, spread evenly: plain comments (no command) and, every fourth
   * of them, a label change of an issue no workflow runs on.
   */
  chatterShare?: number;
  firstId: number;
};

export type LoadResult = {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
};

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const command = deliveryTemplate('command');
const chatter = deliveryTemplate('chatter');
const change = issueChangeTemplate();
let chattered = 0;
const share = spec.chatterShare ?? 0;
let sent = 0;

const result = await autocannon({
  url: spec.url,
  method: 'POST',
  duration: spec.seconds,
  connections: spec.connections,
  ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
  requests: [
    {
      setupRequest: (request) => {
        const n = sent++;
        const isChatter = Math.floor((n + 1) * share) > Math.floor(n * share);
        const irrelevant = isChatter && chattered++ % 4 === 3 ? change : chatter;
        const { body, headers } = renderDelivery(isChatter ? irrelevant : command, spec.firstId + n);
        return { ...request, method: 'POST', path: '/webhooks/gitea', body, headers };
      },
    },
  ],
});

const statusCounts: Record<string, number> = {};
for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {}))
  statusCounts[status] = count ?? 0;
await tell({
  rps: result.requests.average,
  p50Ms: result.latency.p50,
  p99Ms: result.latency.p99,
  requests: result.requests.total,
  errors: result.errors,
  timeouts: result.timeouts,
  statusCounts,
} satisfies LoadResult);
process.exit(0);
