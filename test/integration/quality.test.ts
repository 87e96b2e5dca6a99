import { describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../src/config/load.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { issuePayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { newFileDiff, planted } from '../unit/domain/quality/planted.js';

const redis = useRedis();
const gitea = useFakeGitea();
const config = parseProgramConfig(`quality:\n  repos: ["${PROGRAM_REPO}"]\n`);
const SIGNED = 'Add the fleet dispatcher\n\nSigned-off-by: Bob Builder <bob@example.org>';
const author = { name: 'Bob Builder', email: 'bob@example.org' };
const HEAD = 'a'.repeat(40);

function pullRequest(action: string, number: number, body: string, head = HEAD) {
  const { repository, sender } = issuePayload('opened', { sender: { login: 'bob' } });
  return {
    action,
    number,
    pull_request: {
      id: 1000 + number,
      url: `http://gitea.test/api/v1/repos/${PROGRAM_REPO}/pulls/${number}`,
      number,
      user: sender,
      title: 'Fleet dispatcher',
      body,
      labels: [],
      state: 'open',
      html_url: `http://gitea.test/${PROGRAM_REPO}/pulls/${number}`,
      head: { label: 'feature', ref: 'feature', sha: head, repo_id: repository.id },
      base: { label: 'main', ref: 'main', sha: 'b'.repeat(40), repo_id: repository.id },
      created_at: '2026-11-25T10:00:00Z',
      updated_at: '2026-11-25T10:05:00Z',
    },
    repository,
    sender,
    commit_id: '',
  };
}

async function check(options: { message?: string; body?: string; diff?: string; number?: number }) {
  seedProgram(gitea());
  const number = options.number ?? 12;
  gitea().addPullRequest(PROGRAM_REPO, {
    number,
    title: 'Fleet dispatcher',
    body: options.body ?? 'Closes #3',
    user: 'bob',
    commits: [{ sha: HEAD, message: options.message ?? SIGNED, author }],
    diff: options.diff ?? newFileDiff('src/dispatch.ts', ['export const retries = 3;']),
  });
  const core = testCore(redis.client, gitea(), config);
  await core.handle(pullRequest('opened', number, options.body ?? 'Closes #3') as never);
  const [status] = gitea().statuses(PROGRAM_REPO, HEAD);
  const comment = gitea()
    .comments(PROGRAM_REPO, number)
    .find((c) => c.body.includes('operator-bot:quality'));
  return { status, comment: comment?.body ?? '', core };
}

describe('pull-request quality checks', () => {
  it('passes a signed-off PR that references an issue and adds no secret', async () => {
    const { status, comment } = await check({});
    expect(status).toMatchObject({ context: 'operator-bot/quality', status: 'success' });
    expect(comment).toContain('passed');
  });

  it.each([
    ['an unsigned commit', { message: 'Add the fleet dispatcher' }, 'Signed-off-by', '--signoff'],
    [
      'a sign-off by someone else',
      { message: 'Add it\n\nSigned-off-by: Eve <eve@example.org>' },
      'Signed-off-by',
      '--signoff',
    ],
    ['no issue reference', { body: 'Makes dispatch faster.' }, 'issue', 'Closes #'],
  ])('fails %s, saying how to fix it', async (_what, options, failedCheck, fix) => {
    const { status, comment } = await check(options);
    expect(status).toMatchObject({ context: 'operator-bot/quality', status: 'failure' });
    expect(status?.description.length).toBeLessThanOrEqual(140);
    expect(comment).toContain(failedCheck);
    expect(comment).toContain(fix);
  });

  it.each([
    ['an AWS key id', `const key = "${planted.awsKeyId}";`, planted.awsKeyId],
    ['a GitHub token', `token: ${planted.githubClassic}`, planted.githubClassic],
    ['a high-entropy password', `password = "${planted.highEntropy}"`, planted.highEntropy],
  ])('fails a diff adding %s, naming the file and line but never the secret', async (_what, line, secret) => {
    const diff = newFileDiff('config/prod.ts', ['// settings', line]);
    const { status, comment } = await check({ diff });
    expect(status).toMatchObject({ status: 'failure' });
    expect(comment).toContain('config/prod.ts');
    expect(comment).toContain('2');
    expect(comment).not.toContain(secret);
    expect(JSON.stringify(gitea().statuses(PROGRAM_REPO, HEAD))).not.toContain(secret);
  });

  it('edits the same comment on the next push, never a second one', async () => {
    const { core } = await check({ message: 'unsigned' });
    gitea().addPullRequest(PROGRAM_REPO, {
      number: 13,
      title: 'x',
      body: 'Closes #3',
      user: 'bob',
      commits: [{ sha: HEAD, message: SIGNED, author }],
      diff: '',
    });
    await core.handle(pullRequest('synchronized', 12, 'Closes #3', 'c'.repeat(40)) as never);
    const comments = gitea()
      .comments(PROGRAM_REPO, 12)
      .filter((c) => c.body.includes('operator-bot:quality'));
    expect(comments).toHaveLength(1);
    expect(gitea().statuses(PROGRAM_REPO, 'c'.repeat(40))).toHaveLength(1);
  });

  it('leaves pull requests of repos not configured alone', async () => {
    const core = testCore(redis.client, gitea());
    seedProgram(gitea());
    const normalized = (await import('../../src/gitea/normalize.js')).normalizeDelivery(
      'pull_request',
      pullRequest('opened', 12, ''),
    );
    expect(normalized.outcome === 'event' && core.isRelevant(normalized.event)).toBe(false);
  });
});
