// The floor: a bare hono route that only checks the signature and answers 202.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { verify } from '@octokit/webhooks-methods';
import { Hono } from 'hono';
import { onStop, tell } from '../lib/child.js';
import { HOOK_SECRET } from './deliveries.js';

const app = new Hono();
app.post('/webhooks/gitea', async (c) => {
  const body = await c.req.text();
  const ok = await verify(HOOK_SECRET, body, c.req.header('x-hub-signature-256') ?? '').catch(() => false);
  return c.body(null, ok ? 202 : 401);
});
const server = serve(
  { fetch: app.fetch, port: 0, hostname: '127.0.0.1' },
  () => void tell({ port: (server.address() as AddressInfo).port }),
);
onStop(() => new Promise((done) => server.close(done)));
