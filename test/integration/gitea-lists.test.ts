import { beforeEach, describe, expect, it } from 'vitest';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { rebuildFromGitea } from '../support/rebuild.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();
const client = () => createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 });
const repo = repoRef(PROGRAM_REPO);

beforeEach(() => seedProgram(gitea()));

function issueWithComments(count: number) {
  const issue = gitea().addIssue(PROGRAM_REPO, { title: 'chatty', body: 'x', user: 'alice' });
  for (let i = 1; i <= count; i++)
    gitea().addComment(PROGRAM_REPO, issue.number, { user: 'bob', body: `#${i}` });
  return issue.number;
}

const timelinePages = () =>
  gitea()
    .requestsTo('GET', '/repos/{owner}/{repo}/issues/{index}/timeline')
    .map((r) => r.query.page);

describe('Gitea lists answered null, short or across pages', () => {
  it('the timeline of an untouched issue is the JSON null: read as empty', async () => {
    const number = issueWithComments(0);
    const raw = await fetch(`${gitea().baseUrl}/api/v1/repos/${PROGRAM_REPO}/issues/${number}/timeline`, {
      headers: { Authorization: `token ${gitea().token}` },
    });
    expect(await raw.text()).toBe('null');
    expect(await client().timeline(repo, number)).toEqual([]);
  });

  it('exactly 50 entries: page 2 is null, and all 50 are read', async () => {
    const number = issueWithComments(50);
    expect(await client().timeline(repo, number)).toHaveLength(50);
    expect(timelinePages()).toEqual(['1', '2']);
  });

  it('MAX_RESPONSE_ITEMS below the asked limit: every page is read, not just the first short one', async () => {
    const number = issueWithComments(45);
    gitea().setMaxResponseItems(20);
    const entries = await client().timeline(repo, number);
    expect(entries.map((e) => e.body)).toEqual(Array.from({ length: 45 }, (_, i) => `#${i + 1}`));
    for (let i = 1; i <= 25; i++) gitea().addIssue(PROGRAM_REPO, { title: `t${i}`, body: '', user: 'bob' });
    expect(await client().allIssues(repo)).toHaveLength(26);
    expect(await client().repoComments(repo, '2000-01-01T00:00:00Z')).toHaveLength(45);
  });

  it('`operator-bot rebuild` reads untouched issues and full pages without dying', async () => {
    issueWithComments(0);
    issueWithComments(50);
    const result = await rebuildFromGitea(redis.client, gitea(), {
      gitea: client(),
    });
    expect(result.issues).toBe(2);
    expect(result.events).toBe(2 + 50);
  });
});
