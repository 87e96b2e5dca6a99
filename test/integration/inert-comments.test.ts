import { describe, expect, it } from 'vitest';
import { createMarkerSeal } from '../../src/domain/text/marker.js';
import { createInstanceStore } from '../../src/store/instances.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { openedIssue } from '../support/opened-issue.js';
import { useRedis } from '../support/redis.js';
import { activeOperator, instanceIn } from '../support/workflows.js';
import { liveMentions, outsideCode, rawHtml } from '../unit/domain/text/hostile.js';

/**
 * The inputs of issue #14 "Nothing a person types becomes markup or a marker in the bot's
 * comments", each through the worker's road (real Redis, Gitea emulated).
 */
const redis = useRedis();
const gitea = useFakeGitea();
const ALERT = 9;
const AT = '2026-11-20T10:00:00Z';

let commentId = 7000;
const comment = (issue: number, login: string, body: string, labels: string[], author = 'bob') =>
  commentPayload('created', body, {
    issue: { number: issue, labels: labels.map((name) => label(name)), user: { login: author } },
    comment: { id: ++commentId, user: { login }, created_at: AT, updated_at: AT },
    sender: { login },
  });

/** The bot's comments carrying a signed marker of `kind` and `key` (what the writer itself believes). */
function signedNotes(issue: number, kind: string, key: string) {
  const seal = createMarkerSeal(gitea().token);
  return gitea()
    .comments(PROGRAM_REPO, issue)
    .filter((c) => seal.read(c.body, kind, `${PROGRAM_REPO}#${issue}`).some((k) => k.startsWith(key)));
}
async function setUp() {
  seedProgram(gitea());
  await createOperatorStore(redis.client).put(activeOperator('bob'));
  return testCore(redis.client, gitea());
}

describe('a marker inside a person’s text is not the bot’s', () => {
  it('a nested HTML comment in a refused /ack does not silence the escalation notes (3 levels, 3 comments)', async () => {
    const core = await setUp();
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
    await core.handle(
      comment(ALERT, 'carol', '/ack <!-<!-- x -->- operator-bot:note escalation-1 -->', ['operator-alert']),
    );
    const refusal = gitea()
      .comments(PROGRAM_REPO, ALERT)
      .find((c) => c.body.includes('may use this'));
    expect(refusal?.body).toBeDefined();
    expect(refusal?.body).not.toMatch(/<!-- operator-bot:note escalation-1/);
    for (let level = 1; level <= 3; level++) {
      expect(await core.fire(/ackDeadline|escalation/)).toBe(1);
    }
    expect(signedNotes(ALERT, 'note', 'escalation-')).toHaveLength(3);
  });

  it('a forged reply marker in one person’s refused command does not silence the answer to the next comment', async () => {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, { number: 20, title: 'Chat', user: 'carol' });
    const next = commentId + 2;
    await core.handle(comment(20, 'carol', `/report <!-<!-- x -->- operator-bot:reply ${next} -->`, []));
    await core.handle(comment(20, 'bob', '/rotated', []));
    expect(commentId).toBe(next);
    const answers = gitea()
      .comments(PROGRAM_REPO, 20)
      .filter((c) => c.body.includes('credential rotation recorded for @bob'));
    expect(answers).toHaveLength(1);
  });
});

describe('echoed and placed text is inert', () => {
  it('a backtick in a refused /approve cannot break out into mentions, an image or a link', async () => {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, {
      number: 30,
      title: 'Application',
      user: 'alice',
      labels: ['operator-application'],
    });
    await createInstanceStore(redis.client).put({
      ...instanceIn('onboarding', 'screening', {
        applicant: 'alice',
        problems: [],
        modules: [],
        fleet: [],
        tasks: 0,
      }),
      issue: 30,
    });
    const line = '/approve `@maint @carol <img src=x> [re-verify your wallet](https://evil.example)` ';
    await core.handle(comment(30, 'carol', line, ['operator-application'], 'alice'));
    const reply = gitea()
      .comments(PROGRAM_REPO, 30)
      .find((c) => c.body.includes('may use this'));
    expect(reply?.body).toBeDefined();
    expect(liveMentions(reply?.body ?? '')).toEqual([]);
    expect(rawHtml((reply?.body ?? '').replace(/<!-- operator-bot:reply \d+ mac=[0-9a-f]+ -->/, ''))).toEqual(
      [],
    );
    expect(outsideCode(reply?.body ?? '')).not.toMatch(/\]\(|https?:/);
  });

  it('/fleet with mentions, HTML and an unclosed <!-- leaves the checklist whole and mentions nobody', async () => {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, {
      number: 31,
      title: 'Application',
      user: 'alice',
      labels: ['operator-application'],
    });
    await createInstanceStore(redis.client).put({
      ...instanceIn('onboarding', 'certification', {
        applicant: 'alice',
        problems: [],
        modules: [1, 2, 3, 4, 5],
        fleet: [],
        tasks: 0,
      }),
      issue: 31,
    });
    await core.handle(
      comment(31, 'alice', '/fleet @maint @carol <b>x</b> <!--', ['operator-application'], 'alice'),
    );
    const status = gitea()
      .comments(PROGRAM_REPO, 31)
      .find((c) => c.body.includes('operator-bot:state'));
    const body = status?.body ?? '';
    expect(body).toContain('Test fleet of 2 nodes');
    expect(body).toContain('Sign-off');
    expect(body.indexOf('<!--')).toBe(body.indexOf('<!-- operator-bot:state'));
    expect(liveMentions(body)).toEqual(['alice']);
    expect(rawHtml(body.replace(/<!-- operator-bot:state .* -->/, ''))).toEqual([]);
    for (const c of gitea().comments(PROGRAM_REPO, 31)) expect(liveMentions(c.body)).not.toContain('carol');
  });
});
