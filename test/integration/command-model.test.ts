import { describe, expect, it } from 'vitest';
import { createMarkerSeal } from '../../src/domain/text/marker.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { openedIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';
import { liveMentions, rawHtml } from '../unit/domain/text/hostile.js';

/**
 * Issue #14 "One command model", through the worker's road (real Redis, Gitea emulated): one
 * comment gets one reply whatever answers its lines, a command of another place is answered with
 * where it works, and nobody's role or text changes that. People: `maint` (maintainer), `bob`
 * (registered operator), `carol` (outsider, read), `dave` (write access, not a maintainer).
 */
const redis = useRedis();
const gitea = useFakeGitea();
const ALERT = 9;
const PLAIN = 20;
const AT = '2026-11-20T10:00:00Z';

let commentId = 8000;
const comment = (issue: number, login: string, body: string, labels: string[] = [], id = ++commentId) =>
  commentPayload('created', body, {
    issue: { number: issue, labels: labels.map((name) => label(name)), user: { login: 'bob' } },
    comment: { id, user: { login }, created_at: AT, updated_at: AT },
    sender: { login },
  });

const seal = () => createMarkerSeal(gitea().token);
/** The bot's replies in an issue, by the id of the comment each answers (from their signed markers). */
const repliesIn = (issue: number) =>
  gitea()
    .comments(PROGRAM_REPO, issue)
    .flatMap((c) =>
      seal()
        .read(c.body, 'reply', `${PROGRAM_REPO}#${issue}`)
        .map((key) => ({ to: Number(key), body: c.body })),
    );
const replyTo = (issue: number, id: number) => repliesIn(issue).filter((r) => r.to === id);

async function setUp() {
  seedProgram(gitea());
  gitea().addUser('dave');
  gitea().setPermission(PROGRAM_REPO, 'dave', 'write');
  await createOperatorStore(redis.client).put(activeOperator('bob'));
  const core = testCore(redis.client, gitea());
  gitea().addIssue(PROGRAM_REPO, { number: PLAIN, title: 'Chat', user: 'bob' });
  await core.handle(
    openedIssue(gitea(), {
      number: ALERT,
      title: 'Gateway down',
      body: 'The gateway stopped answering.',
      label: 'operator-alert',
      by: { login: 'bob' },
      at: AT,
    }),
  );
  return core;
}

describe('one comment, one reply', () => {
  it('a workflow command and a command of any issue in one comment are answered together, in the order written', async () => {
    const core = await setUp();
    const id = commentId + 1;
    await core.handle(comment(ALERT, 'bob', '/rotated keys done\n/ack', ['operator-alert']));
    const replies = replyTo(ALERT, id);
    expect(replies).toHaveLength(1);
    const body = replies[0]?.body ?? '';
    expect(body).toContain('credential rotation recorded for @bob');
    expect(body).toContain('`/ack`');
    expect(body.indexOf('credential rotation')).toBeLessThan(body.indexOf('`/ack`'));
    expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/acknowledged');
  });

  it('the same comment delivered twice is answered once', async () => {
    const core = await setUp();
    const payload = comment(ALERT, 'bob', '/rotated\n/ack', ['operator-alert']);
    await core.handle(payload);
    await core.handle(payload);
    expect(replyTo(ALERT, commentId)).toHaveLength(1);
  });
});

describe('a command of another place is answered with where it works', () => {
  it.each([
    ['carol', '/approve', 'works in onboarding issues (screening); payroll issues (review), not here'],
    ['dave', '/paid 0xabc', 'works in exit issues'],
    ['bob', '/severity warning', 'works in alert issues (open, escalated, acknowledged), not here'],
    ['maint', '/ack', 'works in alert issues (open, escalated), not here'],
  ])('%s writes %s in an issue without a workflow', async (login, text, expected) => {
    const core = await setUp();
    await core.handle(comment(PLAIN, login, text));
    const replies = replyTo(PLAIN, commentId);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain(expected);
  });

  it('a near miss of a name asks whether the known one was meant; plain text gets no answer', async () => {
    const core = await setUp();
    await core.handle(comment(ALERT, 'bob', '/akc', ['operator-alert']));
    expect(replyTo(ALERT, commentId)[0]?.body).toContain('did you mean `/ack`?');
    await core.handle(comment(PLAIN, 'carol', '/shrug'));
    expect(replyTo(PLAIN, commentId)).toHaveLength(0);
  });

  it('an outsider’s hostile text in a misplaced command comes back inert', async () => {
    const core = await setUp();
    await core.handle(comment(PLAIN, 'carol', '/approve @maint <b>x</b> `@carol` <img src=x> <!-- hidden'));
    const [text = '', ...markers] = (replyTo(PLAIN, commentId)[0]?.body ?? '').split(
      '<!-- operator-bot:reply',
    );
    expect(markers).toHaveLength(1);
    expect(text).toContain('not here');
    expect(liveMentions(text)).toEqual([]);
    expect(rawHtml(text)).toEqual([]);
    expect(text).not.toContain('<!--');
  });
});

describe('the role check is one, whoever asks', () => {
  it.each([
    ['carol', '/ack', 'only the responsible operator or a maintainer may use this.'],
    ['dave', '/severity warning', 'only a maintainer may use this.'],
    ['bob', '/severity warning', 'only a maintainer may use this.'],
    ['carol', '/ping @bob are you there?', 'only a maintainer may use this.'],
    ['dave', '/terminate @bob reasons', 'only a maintainer may use this.'],
    ['maint', '/rotated', 'only a registered operator may use this.'],
  ])('%s: %s is refused with one reason', async (login, text, reason) => {
    const core = await setUp();
    await core.handle(comment(ALERT, login, text, ['operator-alert']));
    const replies = replyTo(ALERT, commentId);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain(reason);
    expect(gitea().issueLabels(PROGRAM_REPO, ALERT)).toContain('alert/open');
  });
});
