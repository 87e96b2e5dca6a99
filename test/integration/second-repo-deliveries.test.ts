import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatUtcSeconds } from '../../src/domain/time/format.js';
import { repoRef } from '../../src/gitea/client.js';
import { hookSecret } from '../../src/intake/signature.js';
import { eventually, seedProgram, signedForBot, type TestBot, WEBHOOK_SECRET } from '../support/bot.js';
import {
  commentPayload,
  issueLabelPayload,
  issuePayload,
  label,
  signDelivery,
} from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import {
  asPerson,
  inSecond,
  MALLORY_PASSWORD,
  openSecondAlert,
  repliesTo,
  SECOND,
  startSecondRepoBot,
  startWithSecondRepo,
} from '../support/second-repo.js';

// An admin of a `program.repos` repository can read its hook secret and sign any delivery in its
// name, and is no maintainer. What the bot decides on from such a delivery — who, when, which
// comment — is what Gitea has (src/worker/confirm-delivery.ts), whatever the delivery says.

const redis = useRedis();
const gitea = useFakeGitea();
const bots: TestBot[] = [];

beforeEach(() => seedProgram(gitea()));
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.stop();
});

const post = (bot: TestBot, delivery: { body: string; headers: Record<string, string> }) =>
  fetch(`${bot.url}/webhooks/gitea`, { method: 'POST', ...delivery });
const secret = hookSecret(WEBHOOK_SECRET, SECOND);
/** The bot's status comment in SECOND's issue `number`. */
const statusOf = (number: number) =>
  gitea()
    .comments(SECOND, number)
    .find((c) => c.body.includes('operator-bot:state'))?.body ?? '';

describe('a comment id signed in advance (Gitea gives ids from one sequence: the next is known)', () => {
  // The forged delivery is still waiting for a worker when the real one comes (the intake runs
  // alone until then): the real delivery must not be lost to it.
  it.each([
    ['as sent by bob, in the same issue', 'bob', 1],
    ['as sent by maint, in another issue', 'maint', 2],
  ] as const)("%s: maint's comment later written with that id is obeyed", async (_, sender, number) => {
    const second = await startWithSecondRepo(gitea(), redis.url, { worker: false });
    bots.push(second.bot);
    const { g, delivery } = second;
    g.addIssue(SECOND, { number: 2, title: 'Other questions', user: 'bob' });
    const next = g.addComment(SECOND, 1, { user: 'bob', body: 'hello' }).id + 1;
    const forged = delivery(next, '/ping @bob now', await second.user(sender), number);
    expect((await post(second.bot, signDelivery(forged, secret))).status).toBe(202);
    const his = g.addComment(SECOND, 1, { user: 'maint', body: '/ping @carol later' });
    expect(his.id).toBe(next);
    expect([200, 202]).toContain(
      (await post(second.bot, signedForBot(delivery(his.id, his.body, second.maint)))).status,
    );
    bots.push(await startSecondRepoBot(g, redis.url));
    await eventually(() => expect(repliesTo(g, his.id)).toHaveLength(1));
    expect(repliesTo(g, his.id)[0]?.body).not.toContain('only a maintainer');
    expect(repliesTo(g, his.id, 2)).toEqual([]);
  });
});

describe('times are Gitea’s', () => {
  it('an alert delivered with another creation time: opened when Gitea created it (its deadline and response times count from then)', async () => {
    const second = await startWithSecondRepo(gitea(), redis.url);
    bots.push(second.bot);
    // The delivery says 2025-03-03 (the fixture's); Gitea created the issue now.
    await openSecondAlert(second.g, second.bot);
    const created = second.g.issue(SECOND, 9)?.created_at ?? '';
    await eventually(() => expect(statusOf(9)).toContain(`**Opened:** ${formatUtcSeconds(created)}`));
    expect(statusOf(9)).not.toContain('2025-03-03');
  });

  it("maint's /ack delivered with an earlier time: acknowledged when Gitea saved the comment", async () => {
    const second = await startWithSecondRepo(gitea(), redis.url);
    bots.push(second.bot);
    const { g } = second;
    await openSecondAlert(g, second.bot);
    const ack = g.addComment(SECOND, 9, { user: 'maint', body: '/ack' });
    const real = second.delivery(ack.id, ack.body, second.maint, 9);
    const forged = { ...real, comment: { ...real.comment, created_at: '2025-03-03T10:15:05Z' } };
    expect((await post(second.bot, signDelivery(forged, secret))).status).toBe(202);
    await eventually(() => expect(statusOf(9)).toContain(`by @maint at ${formatUtcSeconds(ack.created_at)}`));
    expect(statusOf(9)).not.toContain('2025-03-03 10:15:05');
  });
});

describe('who changed an issue is who Gitea says', () => {
  it("mallory takes an alert's state label off and delivers it as maint's change: the note names her", async () => {
    const second = await startWithSecondRepo(gitea(), redis.url);
    bots.push(second.bot);
    const { g, api } = second;
    const { alert } = await openSecondAlert(g, second.bot);
    const open = (await api.issueLabels(repoRef(SECOND), 9)).find((l) => l.name === 'alert/open');
    // A person's change comes seconds after the bot's (Gitea's times are whole seconds; one in the
    // same second as the bot's last change reads as older than it: engine/issue-changes.ts).
    await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
    const removing = await asPerson(g, 'mallory', MALLORY_PASSWORD, 'DELETE', `issues/9/labels/${open?.id}`);
    expect(removing.status).toBe(204);
    const forged = inSecond(
      issueLabelPayload(['operator-alert'], {
        number: 9,
        issue: { id: alert.id, number: 9, title: alert.title },
        sender: { id: second.maint.id, login: 'maint' },
      }),
    );
    expect((await post(second.bot, signDelivery(forged, secret))).status).toBe(202);
    await eventually(() => expect(g.issueLabels(SECOND, 9)).toContain('alert/open'));
    await eventually(() =>
      expect(g.comments(SECOND, 9).some((c) => c.body.includes('@mallory: the `alert/…` label'))).toBe(true),
    );
    expect(g.comments(SECOND, 9).some((c) => c.body.includes('@maint:'))).toBe(false);
  });
});

describe('the delivery id header is not signed (Gitea signs the body only)', () => {
  // The catch-up marks its events with `X-Gitea-Delivery`'s place (CATCH_UP_DELIVERY_ID), and an
  // event without one reads as not delivered: neither may let a signed delivery skip the check.
  it.each([
    [
      'naming the catch-up',
      (headers: Record<string, string>) => ({
        ...headers,
        'X-Gitea-Delivery': 'catch-up',
        'X-GitHub-Delivery': 'catch-up',
      }),
    ],
    [
      'without one',
      ({
        'X-Gitea-Delivery': _a,
        'X-GitHub-Delivery': _b,
        'X-Gogs-Delivery': _c,
        ...headers
      }: Record<string, string>) => headers,
    ],
  ] as const)(
    "mallory's /ping delivered as maint's, with a delivery id %s: refused as hers",
    async (_, headersOf) => {
      const second = await startWithSecondRepo(gitea(), redis.url);
      bots.push(second.bot);
      const { g } = second;
      const hers = g.addComment(SECOND, 1, { user: 'mallory', body: '/ping @bob now' });
      const forged = signDelivery(second.delivery(hers.id, hers.body, second.maint), secret);
      const response = await post(second.bot, { body: forged.body, headers: headersOf(forged.headers) });
      expect(response.status).toBe(202);
      await eventually(() => expect(repliesTo(g, hers.id)).toHaveLength(1));
      expect(repliesTo(g, hers.id)[0]?.body).toContain('only a maintainer');
    },
  );
});

describe('an issue id signed in advance (Gitea gives issue ids from one sequence too)', () => {
  it("bob's alert later opened with that id is opened, though mallory signed its id for issue #1 first", async () => {
    const second = await startWithSecondRepo(gitea(), redis.url, { worker: false });
    bots.push(second.bot);
    const { g } = second;
    const next = g.addIssue(SECOND, { number: 2, title: 'Other questions', user: 'bob' }).id + 1;
    const forged = inSecond(
      issuePayload('opened', {
        number: 1,
        issue: { id: next, number: 1, title: 'Gateway questions', labels: [label('operator-alert')] },
      }),
    );
    expect((await post(second.bot, signDelivery(forged, secret))).status).toBe(202);
    const alert = g.addIssue(SECOND, {
      number: 9,
      title: 'Gateway down',
      user: 'bob',
      labels: ['operator-alert'],
    });
    expect(alert.id).toBe(next);
    const real = inSecond(
      issuePayload('opened', {
        number: 9,
        issue: { id: alert.id, number: 9, title: alert.title, labels: [label('operator-alert')] },
      }),
    );
    expect((await second.bot.deliver(real)).status).toBe(202);
    bots.push(await startSecondRepoBot(g, redis.url));
    await eventually(() => expect(g.issueLabels(SECOND, 9)).toContain('alert/open'));
  });
});

describe('a deleted comment (Gitea has no record of who deleted it when)', () => {
  it("mallory's deletion signed as maint's, dated 2099, before bob's alert is delivered: bob's later removal of its label is still undone", async () => {
    const second = await startWithSecondRepo(gitea(), redis.url);
    bots.push(second.bot);
    const { g, api } = second;
    const alert = g.addIssue(SECOND, {
      number: 9,
      title: 'Gateway down',
      user: 'bob',
      labels: ['operator-alert'],
    });
    const deleted = commentPayload('deleted', '/ack', {
      issue: { id: alert.id, number: 9, user: { login: 'bob' }, labels: [label('operator-alert')] },
      comment: {
        id: 77_777,
        user: { id: second.maint.id, login: 'maint' },
        updated_at: '2099-01-01T00:00:00Z',
      },
      sender: { id: second.maint.id, login: 'maint' },
    });
    expect((await post(second.bot, signDelivery(inSecond(deleted), secret))).status).toBe(202);
    const issue = { id: alert.id, number: 9, title: alert.title, labels: [label('operator-alert')] };
    expect((await second.bot.deliver(inSecond(issuePayload('opened', { number: 9, issue })))).status).toBe(
      202,
    );
    await eventually(() => expect(g.issueLabels(SECOND, 9)).toContain('alert/open'));
    const open = (await api.issueLabels(repoRef(SECOND), 9)).find((l) => l.name === 'alert/open');
    await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
    const removing = await asPerson(g, 'mallory', MALLORY_PASSWORD, 'DELETE', `issues/9/labels/${open?.id}`);
    expect(removing.status).toBe(204);
    const change = issueLabelPayload(['operator-alert'], {
      number: 9,
      issue: { id: alert.id, number: 9, title: alert.title },
      sender: { id: (await second.user('mallory')).id, login: 'mallory' },
    });
    expect((await second.bot.deliver(inSecond(change))).status).toBe(202);
    await eventually(() => expect(g.issueLabels(SECOND, 9)).toContain('alert/open'));
  });
});

describe('a label change whose delivery comes after a label change of the bot', () => {
  it("mallory's swap of alert/open for alert/resolved, delivered after maint's /severity relabelled the alert, is undone", async () => {
    const second = await startWithSecondRepo(gitea(), redis.url);
    bots.push(second.bot);
    const { g, api } = second;
    g.addLabel(SECOND, { name: 'alert/resolved' });
    const { alert } = await openSecondAlert(g, second.bot);
    const severity = await eventually(() => {
      const label = g.issueLabels(SECOND, 9).find((name) => name.startsWith('severity/'));
      expect(label).toBeDefined();
      return label;
    });
    const other = severity === 'severity/critical' ? 'warning' : 'critical';
    const open = (await api.issueLabels(repoRef(SECOND), 9)).find((l) => l.name === 'alert/open');
    await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
    const adding = await asPerson(g, 'mallory', MALLORY_PASSWORD, 'POST', 'issues/9/labels', {
      labels: ['alert/resolved'],
    });
    expect(adding.status).toBe(200);
    const removing = await asPerson(g, 'mallory', MALLORY_PASSWORD, 'DELETE', `issues/9/labels/${open?.id}`);
    expect(removing.status).toBe(204);
    // maint's comment is delivered first (Gitea sends from several workers): the bot relabels.
    const reclassify = g.addComment(SECOND, 9, { user: 'maint', body: `/severity ${other}` });
    const comment = second.delivery(reclassify.id, reclassify.body, second.maint, 9);
    expect((await post(second.bot, signedForBot(comment))).status).toBe(202);
    await eventually(() => expect(g.issueLabels(SECOND, 9)).toContain(`severity/${other}`));
    const change = issueLabelPayload(['operator-alert', 'alert/resolved', `severity/${other}`], {
      number: 9,
      issue: { id: alert.id, number: 9, title: alert.title },
      sender: { id: (await second.user('mallory')).id, login: 'mallory' },
    });
    expect((await second.bot.deliver(inSecond(change))).status).toBe(202);
    await eventually(() => expect(g.issueLabels(SECOND, 9)).toContain('alert/open'));
    expect(g.issueLabels(SECOND, 9)).not.toContain('alert/resolved');
  });
});

describe('a comment id signed in advance as sent by the bot', () => {
  it("while the intake does not know the bot's login yet (Gitea slow at start), maint's comment later written with that id is obeyed", async () => {
    const g = gitea();
    g.failNext({ method: 'GET', path: '/user', delayMs: 2_000 });
    const second = await startWithSecondRepo(g, redis.url, { worker: false });
    bots.push(second.bot);
    const next = g.addComment(SECOND, 1, { user: 'bob', body: 'hello' }).id + 1;
    const asBot = { id: (await second.user(g.botLogin)).id, login: g.botLogin };
    const forged = second.delivery(next, '/ping @bob now', asBot);
    expect((await post(second.bot, signDelivery(forged, secret))).status).toBe(202);
    const his = g.addComment(SECOND, 1, { user: 'maint', body: '/ping @carol later' });
    expect(his.id).toBe(next);
    expect([200, 202]).toContain(
      (await post(second.bot, signedForBot(second.delivery(his.id, his.body, second.maint)))).status,
    );
    bots.push(await startSecondRepoBot(g, redis.url));
    await eventually(() => expect(repliesTo(g, his.id)).toHaveLength(1));
    expect(repliesTo(g, his.id)[0]?.body).not.toContain('only a maintainer');
  });
});

describe("a comment edited by someone else before the bot reads it (Gitea lets a repository's writers edit anyone's comment)", () => {
  it("maint's 'thanks', edited by mallory into a /ping and delivered as written so by maint: answered, not run as maint's", async () => {
    const second = await startWithSecondRepo(gitea(), redis.url);
    bots.push(second.bot);
    const { g } = second;
    // No command in it: Gitea's own delivery is dropped at the intake and holds no key.
    const thanks = g.addComment(SECOND, 1, { user: 'maint', body: 'thanks' });
    await new Promise((resolve) => setTimeout(resolve, 1_050 - (Date.now() % 1_000)));
    const edit = await asPerson(g, 'mallory', MALLORY_PASSWORD, 'PATCH', `issues/comments/${thanks.id}`, {
      body: '/ping @bob now',
    });
    expect(edit.status).toBe(200);
    const forged = second.delivery(thanks.id, '/ping @bob now', second.maint);
    expect((await post(second.bot, signDelivery(forged, secret))).status).toBe(202);
    // A real command after it in the same issue: handled after the forged delivery (issue order).
    const later = g.addComment(SECOND, 1, { user: 'maint', body: '/ping @carol later' });
    expect(
      (await post(second.bot, signedForBot(second.delivery(later.id, later.body, second.maint)))).status,
    ).toBe(202);
    await eventually(() => expect(repliesTo(g, later.id)).toHaveLength(1));
    expect(repliesTo(g, thanks.id)).toHaveLength(1);
    expect(repliesTo(g, thanks.id)[0]?.body).toContain('not run: this comment was edited');
    expect(repliesTo(g, thanks.id)[0]?.body).not.toContain('is not an operator');
  });
});
