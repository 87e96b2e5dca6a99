import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { getResponse } from 'msw';
import { composeRoad } from '../../src/app/compose.js';
import { loadProgram } from '../../src/app/program.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import type { BotEvent } from '../../src/gitea/event.js';
import { normalizeDelivery } from '../../src/gitea/normalize.js';
import { createLogger } from '../../src/logger.js';
import { freePort } from '../../src/redis/embedded.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { commentPayload } from '../../test/support/deliveries.js';
import { createFakeGitea } from '../../test/support/gitea/index.js';
import { activeOperator, completeForm } from '../../test/support/workflows.js';
import { privateRedis } from '../lib/redis.js';

export type CommandCost = {
  command: string;
  comments: number;
  requests: number;
  bytesRead: number;
  calls: string[];
};

const REPO = 'fleet/program';
const COMMANDS = [
  { command: '/help', user: 'applicant' },
  { command: '/report uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70', user: 'oper' },
  { command: '/approve', user: 'maint' },
] as const;

/**
 * Gitea requests and response bytes the worker spends on one command in an application issue
 * that already has `sizes` comments (the emulator over loopback HTTP, counting what it serves).
 * The bot's status comment is the issue's first comment, as when the application was opened.
 */
export async function benchGiteaCost(options: { sizes: number[] }): Promise<CommandCost[]> {
  let requests: { method: string; path: string; bytes: number }[] = [];
  const base = `http://127.0.0.1:${await freePort()}`;
  const gitea = createFakeGitea({ baseUrl: base });
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const request = new Request(new URL(req.url ?? '/', base), {
      method: req.method ?? 'GET',
      headers,
      ...(body ? { body } : {}),
    });
    const response =
      (await getResponse(gitea.handlers, request)) ?? new Response('not found', { status: 404 });
    const out = Buffer.from(await response.arrayBuffer());
    requests.push({ method: request.method, path: new URL(request.url).pathname, bytes: out.length });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(out);
  });
  await new Promise<void>((resolve) => server.listen(Number(new URL(base).port), '127.0.0.1', resolve));
  const redis = await privateRedis();
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  const results: CommandCost[] = [];
  try {
    const api = createGiteaClient({ baseUrl: base, token: gitea.token, timeoutMs: 10_000 });
    gitea.addRepo(REPO);
    for (const login of ['maint', 'oper', 'chatty']) gitea.addUser(login);
    gitea.setPermission(REPO, 'maint', 'admin');
    await createOperatorStore(client).put(activeOperator('oper'));
    const core = composeRoad({
      ...loadProgram(defaultProgramConfig()),
      redis: client,
      gitea: api,
      config: defaultProgramConfig(),
      programRepo: REPO,
      botLogin: gitea.botLogin,
      markerSecret: gitea.token,
      enqueueAt: async () => undefined,
      log: createLogger('silent'),
    });
    // A first issue warms the process up (the repo's labels are looked up once per process); it
    // is not counted. Who is a maintainer is asked per event, when the decision looks at the role.
    for (const [round, size] of [0, ...options.sizes].entries()) {
      const applicant = `applicant${round}`;
      gitea.addUser(applicant);
      const issue = gitea.addIssue(REPO, {
        title: `Operator application (${size} comments)`,
        body: completeForm.replace('@ada', `@${applicant}`),
        user: applicant,
        labels: ['operator-application'],
      });
      const snapshot: BotEvent['issue'] = {
        number: issue.number,
        id: issue.id,
        title: issue.title,
        body: issue.body ?? '',
        author: applicant,
        state: 'open',
        labels: ['operator-application'],
        assignees: [],
        createdAt: issue.created_at,
        isPull: false,
      };
      const at = () => new Date().toISOString();
      await core.handleEvent({
        kind: 'issue.labeled',
        repo: REPO,
        issue: snapshot,
        actor: applicant,
        at: at(),
      });
      for (let i = 0; i < size; i++)
        gitea.addComment(REPO, issue.number, {
          user: 'chatty',
          body: `Comment ${i}: ${'looks fine. '.repeat(60)}`,
        });
      for (const { command, user: who } of COMMANDS) {
        const user = who === 'applicant' ? applicant : who;
        const comment = gitea.addComment(REPO, issue.number, { user, body: command });
        // The delivery as Gitea sends it when the comment is saved, through the worker's normalising.
        const delivery = gitea.asCommentSaved(
          commentPayload('created', command, {
            issue: { number: issue.number, id: issue.id, user: { login: applicant } },
            comment: { id: comment.id, user: { login: user }, created_at: comment.created_at },
            sender: { login: user },
          }),
        );
        const normalized = normalizeDelivery('issue_comment', delivery, randomUUID());
        if (normalized.outcome !== 'event') throw new Error(`not an event: ${JSON.stringify(normalized)}`);
        requests = [];
        await core.handleEvent(normalized.event);
        if (round > 0)
          results.push({
            command: command.split(' ')[0] as string,
            comments: size,
            requests: requests.length,
            bytesRead: requests.reduce((sum, r) => sum + r.bytes, 0),
            calls: requests.map((r) => `${r.method} ${r.path}`),
          });
      }
    }
    return results;
  } finally {
    client.disconnect();
    await redis.stop();
    await new Promise((resolve) => server.close(resolve));
  }
}
