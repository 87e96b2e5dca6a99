// A step of the intake's work on bare node:http, to show where a delivery's CPU goes:
// STAGE=http reads the body and answers 202; =signature also checks the HMAC (as ours does);
// =parse also parses the JSON; =write also appends the body to a Redis stream (REDIS_URL) and
// answers once Redis did, commands of concurrent requests sharing a write (ioredis auto-pipelining):
// the least any intake that keeps what it accepted does, without dedupe, filter or event. Probot
// does the work of `parse`; ours does that of `write` and filters, dedupes and orders.
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { verifySignature } from '../../src/intake/signature.js';
import { onStop, tell } from '../lib/child.js';
import { deliveryServer } from '../lib/delivery-server.js';
import { HOOK_SECRET } from './deliveries.js';

const stage = process.env.STAGE ?? 'http';
const ANSWER = '{"outcome":"queued"}';
let parsed = 0;
const redis =
  stage === 'write'
    ? new Redis(process.env.REDIS_URL ?? '', { enableAutoPipelining: true, maxRetriesPerRequest: null })
    : undefined;
const answer = (res: import('node:http').ServerResponse) =>
  res.writeHead(202, { 'content-type': 'application/json', 'content-length': ANSWER.length }).end(ANSWER);
const server = deliveryServer((body, headers, res) => {
  if (stage !== 'http' && !verifySignature(HOOK_SECRET, body, headers)) {
    res.writeHead(401).end();
    return;
  }
  if (stage !== 'http' && stage !== 'signature' && JSON.parse(body.toString('utf8')).comment) parsed += 1;
  if (!redis) return answer(res);
  redis.xadd('bench:intake', '*', 'body', body).then(
    () => answer(res),
    () => res.writeHead(503).end(),
  );
});
server.listen(0, '127.0.0.1', () => void tell({ port: (server.address() as AddressInfo).port }));
onStop(async () => {
  await new Promise((done) => server.close(done));
  redis?.disconnect();
  if ((stage === 'parse' || stage === 'write') && parsed === 0)
    console.error(`stage ${stage}: no comment parsed`);
});
