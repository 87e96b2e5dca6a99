// A step of the intake's work on bare node:http, to show where a delivery's CPU goes:
// STAGE=http reads the body and answers 202; =signature also checks the HMAC (as ours does);
// =parse also parses the JSON. Probot does the work of `parse`; ours does it and builds the event
// and makes the delivery durable.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../src/intake/signature.js';
import { onStop, tell } from '../lib/child.js';
import { SECRET } from './deliveries.js';

const stage = process.env.STAGE ?? 'http';
const ANSWER = '{"outcome":"queued"}';
let parsed = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.once('end', () => {
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    const headers = { get: (name: string) => (req.headers[name] as string | undefined) ?? null };
    if (stage !== 'http' && !verifySignature(SECRET, body, headers)) {
      res.writeHead(401).end();
      return;
    }
    if (stage === 'parse' && JSON.parse(body.toString('utf8')).comment) parsed += 1;
    res.writeHead(202, { 'content-type': 'application/json', 'content-length': ANSWER.length }).end(ANSWER);
  });
});
server.listen(0, '127.0.0.1', () => void tell({ port: (server.address() as AddressInfo).port }));
onStop(async () => {
  await new Promise((done) => server.close(done));
  if (stage === 'parse' && parsed === 0) console.error('stage parse: no comment parsed');
});
