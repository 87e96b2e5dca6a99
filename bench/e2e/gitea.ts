// The Gitea emulator of the tests served over HTTP (as test/support/gitea-http.ts) in its own
// process, seeded with the applications, noting the time every status comment and reply arrives.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import { createFakeGitea } from '../../test/support/gitea/index.js';
import { onStop, tell } from '../lib/child.js';
import { type Applicant, type GiteaProgress, type GiteaReady, now, REPO } from './shared.js';

const FORM = readFileSync(
  new URL('../../test/fixtures/applications/complete-form.md', import.meta.url),
  'utf8',
);
const COMMENT_PATH = /\/repos\/fleet\/program\/issues\/(\d+)\/comments$/;
const REPLY = /operator-bot:reply (\d+)/;

const statusComments = new Set<number>();
const replies = new Map<number, number>();
let base = '';
const server = createServer(async (req, res) => {
  const at = now();
  const body = await readBody(req);
  const method = req.method ?? 'GET';
  const issue = COMMENT_PATH.exec(req.url ?? '')?.[1];
  if (method === 'POST' && issue) {
    const text = String((JSON.parse(body.toString('utf8')) as { body?: string }).body);
    const reply = REPLY.exec(text)?.[1];
    if (reply) replies.set(Number(reply), at);
    else if (text.includes('operator-bot:state')) statusComments.add(Number(issue));
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers.set(name, value);
  const request = new Request(new URL(req.url ?? '/', base), {
    method,
    headers,
    ...(body.length > 0 ? { body } : {}),
  });
  const response = (await getResponse(gitea.handlers, request)) ?? new Response('not found', { status: 404 });
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const gitea = createFakeGitea({ baseUrl: base });
gitea.addRepo(REPO);
const applicants = Array.from({ length: Number(process.argv[2] ?? 100) }, (_, i): Applicant => {
  const login = `applicant${String(i + 1).padStart(3, '0')}`;
  gitea.addUser(login);
  const body = FORM.replace('@ada', `@${login}`);
  const { id } = gitea.addIssue(REPO, {
    number: i + 1,
    title: `Operator application: ${login}`,
    body,
    user: login,
  });
  return { login, number: i + 1, id, body };
});
void tell({ url: base, token: gitea.token, applicants } satisfies GiteaReady);
process.on('message', (message) => {
  if (message === 'progress')
    void tell({ statusComments: statusComments.size, replies: [...replies] } satisfies GiteaProgress);
});
onStop(() => new Promise((done) => server.close(done)));

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
