import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/redis/embedded.js';
import { createFakeGitea, type FakeGitea } from '../support/gitea/index.js';

const SCRIPT = join(import.meta.dirname, '../../deploy/compose/gitea-setup.sh');
const run = promisify(execFile);

/**
 * deploy/compose/gitea-setup.sh against the emulator: its API calls (org, repo, collaborator, as
 * the admin with Basic auth) go to the emulated Gitea; the `gitea` CLI it runs inside the Gitea
 * container (admin user create/list, generate-access-token) is a stub that makes the same change
 * in the emulator through a test-only `/__stub/` endpoint of this server.
 */
let gitea: FakeGitea;
let server: Server;
let url: string;
let stubBin: string;
const created = new Set<string>();
const tokenScopes: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  gitea = createFakeGitea({ baseUrl: url, botLogin: 'operator-bot' });
  server = createServer(async (req, res) => {
    const target = new URL(req.url ?? '/', url);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (target.pathname.startsWith('/__stub/')) {
      const q = target.searchParams;
      if (target.pathname === '/__stub/users' && req.method === 'GET') {
        const users = [...created].map(
          (login, i) => `${i + 1}   ${login}   ${login}@localhost   true   false`,
        );
        res.end(`ID   Username   Email   IsActive   IsAdmin\n${users.join('\n')}\n`);
      } else if (target.pathname === '/__stub/users') {
        const login = q.get('login') ?? '';
        const password = q.get('password');
        gitea.addUser(login, { ...(password ? { password } : {}), isAdmin: q.get('admin') === '1' });
        created.add(login);
        res.end('New user created\n');
      } else {
        tokenScopes.push(q.get('scopes') ?? '');
        res.end(`${gitea.token}\n`);
      }
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === 'string') headers.set(name, value);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const request = new Request(target, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}) });
    const response =
      (await getResponse(gitea.handlers, request)) ?? new Response('not found', { status: 404 });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  stubBin = mkdtempSync(join(tmpdir(), 'ob-stub-bin-'));
  writeFileSync(join(stubBin, 'su-exec'), '#!/bin/sh\nshift\nexec "$@"\n');
  writeFileSync(
    join(stubBin, 'gitea'),
    `#!/bin/sh
# gitea --config FILE admin user (list|create|generate-access-token) … — the stub of Gitea's CLI.
shift 2; shift 2; cmd=$1; shift
login= password= admin=0 scopes=
while [ $# -gt 0 ]; do
  case $1 in
    --username) login=$2; shift ;; --password) password=$2; shift ;; --scopes) scopes=$2; shift ;;
    --admin) admin=1 ;;
  esac
  shift
done
case $cmd in
  list) curl -s "$STUB_URL/__stub/users" ;;
  create) curl -s -X POST "$STUB_URL/__stub/users?login=$login&password=$password&admin=$admin" ;;
  generate-access-token) curl -s -X POST "$STUB_URL/__stub/token?login=$login&scopes=$scopes" ;;
esac
`,
  );
  chmodSync(join(stubBin, 'su-exec'), 0o755);
  chmodSync(join(stubBin, 'gitea'), 0o755);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('deploy/compose/gitea-setup.sh against the emulated Gitea', () => {
  it('creates the admin, the bot and its token, the org, the initialised repo, the bot as admin; a second run changes nothing', async () => {
    const bootstrap = mkdtempSync(join(tmpdir(), 'ob-bootstrap-'));
    const env = {
      PATH: `${stubBin}:${process.env.PATH}`,
      STUB_URL: url,
      GITEA_URL: url,
      BOOTSTRAP_DIR: bootstrap,
      PROGRAM_REPO: 'fleet/program',
    };
    const first = await run('sh', [SCRIPT], { env });
    expect(first.stdout).toContain('gitea-setup: fleet/program is ready; operator-bot is an admin of it');
    const dotenv = readFileSync(join(bootstrap, '.env'), 'utf8');
    expect(dotenv).toMatch(new RegExp(`^GITEA_TOKEN=${gitea.token}\\nWEBHOOK_SECRET=[0-9a-f]{64}\\n$`));
    expect(tokenScopes).toEqual(['write:issue,write:repository,read:user,read:organization']);
    expect(gitea.files('fleet/program')).toEqual({ 'README.md': '# program\n\n' });
    expect(
      gitea.requestsTo('PUT', '/repos/fleet/program/collaborators/operator-bot').map((r) => r.status),
    ).toEqual([204]);
    expect([...created]).toEqual(['gitea-admin', 'operator-bot']);
    gitea.assertContract();

    const second = await run('sh', [SCRIPT], { env });
    expect(second.stdout).toContain("gitea-setup: the bot's token is in .env");
    expect(readFileSync(join(bootstrap, '.env'), 'utf8')).toBe(dotenv);
    expect(tokenScopes).toHaveLength(1);
    expect(second.stdout).toMatch(/admin gitea-admin exists\n.*bot account operator-bot exists/s);
    gitea.assertContract();
  });
});
