// The peer: a Probot app behind Probot's own webhook middleware on node:http. Its handler does
// what our intake's filter does (is there a `/command` line?), nothing more.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createNodeMiddleware, Probot } from 'probot';
import { onStop, tell } from '../lib/child.js';
import { HOOK_SECRET } from './deliveries.js';

let commands = 0;
const probot = new Probot({ githubToken: 'bench', secret: HOOK_SECRET, log: pino({ level: 'silent' }) });
const middleware = await createNodeMiddleware(
  (app) => {
    app.on('issue_comment.created', async (context) => {
      if (/^\/[a-z]/m.test(context.payload.comment.body)) commands++;
    });
  },
  { probot, webhooksPath: '/webhooks/gitea' },
);
const server = createServer((req, res) => {
  void middleware(req, res, () => res.writeHead(404).end());
});
server.listen(0, '127.0.0.1', () => void tell({ port: (server.address() as AddressInfo).port }));
onStop(async () => {
  await new Promise((done) => server.close(done));
  if (commands === 0) console.error('probot: no command seen');
});
