// The least any intake that keeps each delivery in Redis can do, on bare node:http: check the
// signature, then append the body's raw bytes to a Redis stream and answer once Redis did. No
// JSON.parse (a filter that needs no field), no client library: XADD written by hand on one
// socket, every delivery of an event-loop turn in one write (group commit). What ours does and
// this does not: the parse, the filter, the dedupe mark, the issue order, a client that handles
// errors, reconnection and scripts. If this cannot reach a target, no durable intake can.
import type { ServerResponse } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { verifySignature } from '../../src/intake/signature.js';
import { onStop, tell } from '../lib/child.js';
import { deliveryServer } from '../lib/delivery-server.js';
import { HOOK_SECRET } from './deliveries.js';

const ANSWER = '{"outcome":"queued"}';
const XADD = Buffer.from('*5\r\n$4\r\nXADD\r\n$12\r\nbench:intake\r\n$1\r\n*\r\n$4\r\nbody\r\n');
const redisUrl = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const socket = connect(Number(redisUrl.port), redisUrl.hostname);
socket.setNoDelay(true);

// Replies come in the order the commands were written: one waiter per XADD.
const waiting: ((ok: boolean) => void)[] = [];
let unread: Buffer = Buffer.alloc(0);
socket.on('data', (chunk: Buffer) => {
  unread = unread.length === 0 ? chunk : Buffer.concat([unread, chunk]);
  for (;;) {
    const eol = unread.indexOf('\r\n');
    if (eol < 0) break;
    // A bulk string ($n, the entry id) spans a second line; an error (-) or other reply one.
    const end = unread[0] === 0x24 ? eol + 2 + Number(unread.subarray(1, eol)) + 2 : eol + 2;
    if (unread.length < end) break;
    waiting.shift()?.(unread[0] === 0x24);
    unread = unread.subarray(end);
  }
});

let batch: { body: Buffer; res: ServerResponse }[] = [];
const flush = () => {
  const items = batch;
  batch = [];
  socket.cork();
  for (const { body, res } of items) {
    socket.write(XADD);
    socket.write(`$${body.length}\r\n`);
    socket.write(body);
    socket.write('\r\n');
    waiting.push((ok) =>
      ok
        ? res
            .writeHead(202, { 'content-type': 'application/json', 'content-length': ANSWER.length })
            .end(ANSWER)
        : res.writeHead(503).end(),
    );
  }
  socket.uncork();
};

const server = deliveryServer((body, headers, res) => {
  if (!verifySignature(HOOK_SECRET, body, headers)) {
    res.writeHead(401).end();
    return;
  }
  if (batch.push({ body, res }) === 1) setImmediate(flush);
});
server.listen(0, '127.0.0.1', () => void tell({ port: (server.address() as AddressInfo).port }));
onStop(async () => {
  await new Promise((done) => server.close(done));
  socket.destroy();
});
