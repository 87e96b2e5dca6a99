import { createServer, type IncomingMessage, type Server } from 'node:http';
import { getResponse } from 'msw';
import { freePort } from '../../src/redis/embedded.js';
import { createFakeGitea, type FakeGitea } from './gitea/index.js';

/** The emulated Gitea served over real HTTP, for a bot running in another process. */
export async function startHttpGitea(): Promise<{
  gitea: FakeGitea;
  url: string;
  close: () => Promise<void>;
}> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const gitea = createFakeGitea({ baseUrl: url });
  const server: Server = createServer(async (req, res) => {
    const request = await toRequest(req, url);
    const response =
      (await getResponse(gitea.handlers, request)) ?? new Response('not found', { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { gitea, url, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function toRequest(req: IncomingMessage, base: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  return new Request(new URL(req.url ?? '/', base), {
    method: req.method ?? 'GET',
    headers,
    ...(body ? { body } : {}),
  });
}
