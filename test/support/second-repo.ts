import { expect } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import { eventually, startTestBot, type TestBot } from './bot.js';
import { commentPayload, issuePayload, label } from './deliveries.js';
import type { FakeGitea } from './gitea/index.js';

/** A `program.repos` repository besides PROGRAM_REPO, whose admin mallory is no maintainer. */
export const SECOND = 'fleet/second';
export const MALLORY_PASSWORD = 'mallory-password';

type GiteaUser = { id: number; login: string };

/**
 * SECOND with issue #1 (bob's), mallory its admin, and the bot (server and worker unless
 * `worker: false`) watching it as one of `program.repos`. `delivery(id, body, by)` is the delivery of
 * comment `id` in #1 as by `by`, as Gitea builds it when the comment is saved.
 */
export async function startWithSecondRepo(
  g: FakeGitea,
  redisUrl: string,
  options: { worker?: boolean } = {},
) {
  g.addRepo(SECOND);
  g.addUser('mallory', { password: MALLORY_PASSWORD });
  g.setPermission(SECOND, 'mallory', 'admin');
  g.setPermission(SECOND, 'bob', 'read');
  const issue = g.addIssue(SECOND, { number: 1, title: 'Gateway questions', user: 'bob' });
  const bot = await startSecondRepoBot(g, redisUrl, options);
  const api = createGiteaClient({ baseUrl: g.baseUrl, token: g.token, timeoutMs: 5_000 });
  const user = async (login: string) => (await api.userByLogin(login)) as GiteaUser;
  const maint = await user('maint');
  const delivery = (id: number, body: string, by: GiteaUser, number = 1) => {
    const payload = commentPayload('created', body, {
      issue: { id: g.issue(SECOND, number)?.id ?? issue.id, number, user: { login: 'bob' } },
      comment: { id, user: { id: by.id, login: by.login } },
      sender: { id: by.id, login: by.login },
    });
    return g.asCommentSaved(inSecond(payload));
  };
  return { bot, g, api, user, maint, delivery };
}

/** The bot watching SECOND as one of `program.repos` (a second runtime on the same Redis, say). */
export function startSecondRepoBot(g: FakeGitea, redisUrl: string, options: { worker?: boolean } = {}) {
  const base = defaultProgramConfig();
  return startTestBot(redisUrl, g, {
    config: { ...base, program: { ...base.program, repos: [SECOND] } },
    ...options,
  });
}

/** `payload` as from SECOND. */
export const inSecond = <T extends { repository: object }>(payload: T): T => ({
  ...payload,
  repository: { ...payload.repository, full_name: SECOND, name: 'second' },
});

/** Alert #9 in SECOND, by bob, opened and delivered: the bot has it open. */
export async function openSecondAlert(g: FakeGitea, bot: TestBot) {
  const alert = g.addIssue(SECOND, {
    number: 9,
    title: 'Gateway down',
    user: 'bob',
    labels: ['operator-alert'],
  });
  const issue = { id: alert.id, number: 9, title: alert.title, labels: [label('operator-alert')] };
  expect((await bot.deliver(inSecond(issuePayload('opened', { number: 9, issue })))).status).toBe(202);
  await eventually(() => expect(g.issueLabels(SECOND, 9)).toContain('alert/open'));
  return { alert, issue };
}

/** A request to SECOND's `path` in Gitea's API as `login` (basic auth), as a person in the web UI would. */
export const asPerson = (
  g: FakeGitea,
  login: string,
  password: string,
  method: 'PATCH' | 'DELETE' | 'POST',
  path: string,
  body?: object,
) =>
  fetch(`${g.baseUrl}/api/v1/repos/${SECOND}/${path}`, {
    method,
    headers: {
      authorization: `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });

/** The bot's answers in SECOND's issue `number` (default #1) to comment `id`. */
export const repliesTo = (g: FakeGitea, id: number, number = 1) =>
  g
    .comments(SECOND, number)
    .filter((c) => c.user.login === g.botLogin && c.body.includes(`operator-bot:reply ${id} `));
