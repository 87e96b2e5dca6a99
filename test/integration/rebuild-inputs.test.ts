import { describe, expect, it } from 'vitest';
import { createInstanceStore } from '../../src/store/instances.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { giteaWorld } from '../support/gitea-world.js';
import { rebuildFromGitea } from '../support/rebuild.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

let clock = new Date('2026-09-01T09:00:00Z');
const redis = useRedis();
const gitea = useFakeGitea({ now: () => clock });
const at = (iso: string) => {
  clock = new Date(iso);
};

const world = (core: ReturnType<typeof testCore>) => giteaWorld(core, gitea, at);

/** Someone with write access changes the text afterwards, through Gitea's API (no delivery reaches the bot). */
async function asEditor(method: 'PATCH' | 'DELETE', path: string, body?: object) {
  const response = await fetch(`${gitea().baseUrl}/api/v1/repos/${PROGRAM_REPO}${path}`, {
    method,
    headers: { authorization: `token ${gitea().token}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(response.ok).toBe(true);
}

/**
 * Someone with write access edits the first comment of issue `number` whose body `which` picks
 * (the bot's reply, its status comment) through Gitea's API, `change` turning its body into his;
 * the body he left.
 */
async function writerEdits(
  number: number,
  which: (body: string) => boolean,
  change: (body: string) => string,
) {
  const comment = gitea()
    .comments(PROGRAM_REPO, number)
    .find((c) => which(c.body));
  if (!comment) throw new Error(`no such comment in #${number}`);
  const body = change(comment.body);
  await asEditor('PATCH', `/issues/comments/${comment.id}`, { body });
  return body;
}

const isStatus = (body: string) => body.includes('operator-bot:state');
/** A payroll status comment with a line a writer put in. */
const addsALine = (body: string) => body.replace('**Approvals:**', '@alice $1.00\n\n**Approvals:**');

/** alice applies and is walked to active; returns the application's number and her /fleet comment. */
async function activeAlice(people: ReturnType<typeof world>, core: ReturnType<typeof testCore>) {
  const application = await people.open(
    'alice',
    'Operator application: Ada',
    completeForm,
    ['operator-application'],
    '2026-09-01T09:00:00Z',
  );
  await people.say('maint', application, '/approve', '2026-09-02T09:00:00Z');
  await people.say(
    'alice',
    application,
    '/module 1\n/module 2\n/module 3\n/module 4\n/module 5',
    '2026-09-03T09:00:00Z',
  );
  await people.say('maint', application, '/quiz 90\n/shadow @bob', '2026-09-03T10:00:00Z');
  at('2026-09-10T10:00:00Z');
  expect(await core.fire(/shadowWeek/)).toBe(1);
  const fleet = await people.say(
    'alice',
    application,
    'Here it is:\n/fleet fsn1-a fsn1-b',
    '2026-09-12T09:00:00Z',
  );
  await people.say('maint', application, '/tasks 10\n/signoff', '2026-09-12T10:00:00Z');
  return { application, fleet };
}

/** What `operator-bot rebuild` gives on an empty Redis, now (no timer the live bot has not fired yet). */
async function rebuildNow() {
  await redis.client.flushall();
  return rebuildFromGitea(redis.client, gitea(), {
    now: clock.toISOString(),
  });
}

const instances = async () =>
  (await createInstanceStore(redis.client).all()).sort(
    (a, b) => a.issue - b.issue || a.workflow.localeCompare(b.workflow),
  );

describe('rebuild replays what the bot acted on', () => {
  it('a deleted /fleet comment is replayed as the bot saw it: the operator is not stranded in certification', async () => {
    seedProgram(gitea());
    const core = testCore(redis.client, gitea());
    const { application, fleet } = await activeAlice(world(core), core);
    const before = { registry: await createOperatorStore(redis.client).all(), instances: await instances() };
    expect(before.registry.map((o) => o.login)).toEqual(['alice']);
    await asEditor('DELETE', `/issues/comments/${fleet}`);

    const result = await rebuildNow();
    expect(await createOperatorStore(redis.client).all()).toEqual(before.registry);
    expect(await instances()).toEqual(before.instances);
    expect(result.findings).toEqual([
      `${PROGRAM_REPO}#${application}: comment ${fleet} by @alice was deleted after the bot applied it; replayed as the bot saw it`,
    ]);
  });

  /** alice active, and October's payroll issue opened by the month close on Nov 1. */
  async function octoberPayroll() {
    seedProgram(gitea());
    gitea().addUser('maint2');
    gitea().setPermission(PROGRAM_REPO, 'maint2', 'admin');
    const core = testCore(redis.client, gitea());
    const people = world(core);
    await activeAlice(people, core);
    at('2026-11-01T06:00:00Z');
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-11-01T06:00:00.000Z' });
    expect(await core.fire(/^opened-payroll-2026-10/)).toBe(1);
    const payroll = [1, 2, 3].find((n) => gitea().issue(PROGRAM_REPO, n)?.title === 'Payroll 2026-10') ?? 0;
    return { core, people, payroll };
  }

  it('an old /adjust edited by someone else is replayed as the maintainer wrote it, and reported', async () => {
    const { people, payroll } = await octoberPayroll();
    const adjust = await people.say('maint', payroll, '/adjust @alice +10 cover', '2026-11-02T09:00:00Z');
    const before = await instances();
    expect(JSON.stringify(before)).toContain('cover');
    await asEditor('PATCH', `/issues/comments/${adjust}`, { body: '/adjust @alice +9999999.99 cover' });

    const result = await rebuildNow();
    expect(await instances()).toEqual(before);
    expect(JSON.stringify(await instances())).not.toContain('9999999');
    expect(result.findings).toEqual([
      `${PROGRAM_REPO}#${payroll}: comment ${adjust} by @maint was edited after the bot applied it; replayed as the bot saw it`,
    ]);
  });

  it("maint's /adjust edited by a writer before the bot read it: answered, not run, live; rebuild does not run it either", async () => {
    const { core, payroll } = await octoberPayroll();
    at('2026-11-02T09:00:00Z');
    const adjust = gitea().addComment(PROGRAM_REPO, payroll, { user: 'maint', body: 'looks right' });
    at('2026-11-02T09:00:07Z');
    await asEditor('PATCH', `/issues/comments/${adjust.id}`, { body: '/adjust @alice +10 EDITED-IN' });
    // The catch-up reads it as Gitea has it now (its delivery was lost).
    const edited = gitea()
      .comments(PROGRAM_REPO, payroll)
      .find((c) => c.id === adjust.id);
    const issue = gitea().issue(PROGRAM_REPO, payroll);
    await core.handle(
      commentPayload('created', edited?.body ?? '', {
        issue: {
          number: payroll,
          title: issue?.title ?? '',
          body: issue?.body ?? '',
          user: { login: 'maint-bot' },
        },
        comment: {
          id: adjust.id,
          user: { login: 'maint' },
          created_at: edited?.created_at,
          updated_at: edited?.updated_at,
        },
        sender: { login: 'maint' },
      }),
    );
    expect(
      gitea()
        .comments(PROGRAM_REPO, payroll)
        .some((c) => c.body.includes('not run: this comment was edited')),
    ).toBe(true);
    const before = await instances();
    expect(JSON.stringify(before)).not.toContain('EDITED-IN');

    // The writer then takes the answer's text out of the bot's reply: only its signed word counts.
    const notRun = 'not run: this comment was edited';
    await writerEdits(
      payroll,
      (body) => body.includes(notRun),
      (body) => body.replaceAll(/not run: this comment was edited[^\n]*/g, 'ok'),
    );

    await rebuildNow();
    expect(JSON.stringify(await instances())).not.toContain('EDITED-IN');
    expect(await instances()).toEqual(before);
  });

  // The worker handles maint's /hold at 10:00 (busy until then): Gitea shows the new table from
  // 10:00, and maint2's /approve of 09:30 was of the table before it.
  it("maint2's /approve written while maint's /hold waited for a worker is not recorded, live and in rebuild", async () => {
    const { people, payroll } = await octoberPayroll();
    const statusOf = () =>
      gitea()
        .comments(PROGRAM_REPO, payroll)
        .find((c) => isStatus(c.body))?.body ?? '';
    const hold = people.write(
      'maint',
      payroll,
      '/hold @alice waiting for her invoice',
      '2026-11-02T09:00:00Z',
    );
    const early = people.write('maint2', payroll, '/approve', '2026-11-02T09:30:00Z');
    expect(statusOf()).not.toContain('held: waiting');
    at('2026-11-02T10:00:00Z');
    await people.deliver(payroll, hold);
    expect(statusOf()).toContain('held: waiting');
    await people.deliver(payroll, early);
    expect(gitea().comments(PROGRAM_REPO, payroll).at(-1)?.body).toContain(
      'not recorded: the table changed after this comment (2026-11-02 09:30 UTC); the table as it stands is shown since 2026-11-02 10:00 UTC:',
    );
    expect(statusOf()).toContain('**Approvals:** 0 of 2');
    // Written in the second the table was shown: it may have been before.
    await people.say('maint2', payroll, '/approve', '2026-11-02T10:00:00Z');
    expect(statusOf()).toContain('**Approvals:** 0 of 2');
    await people.say('maint2', payroll, '/approve', '2026-11-02T10:00:01Z');
    expect(statusOf()).toContain('**Approvals:** 1 of 2');
    await people.say('maint', payroll, '/approve', '2026-11-02T11:00:00Z');
    expect(statusOf()).toContain('**Approvals:** 2 of 2');
    const live = await instances();

    const result = await rebuildNow();
    expect(await instances()).toEqual(live);
    expect(result.findings).toEqual([]);
  });

  // The bot's replies are comments anyone with write access may edit (Gitea's editIssueComment:
  // the poster or CanWriteIssuesOrPulls); only their signed markers are the bot's word.
  it("a writer who takes the refusal out of the bot's reply to maint2's early /approve does not get it recorded by rebuild", async () => {
    const { people, payroll } = await octoberPayroll();
    const hold = people.write(
      'maint',
      payroll,
      '/hold @alice waiting for her invoice',
      '2026-11-02T09:00:00Z',
    );
    const early = people.write('maint2', payroll, '/approve', '2026-11-02T09:30:00Z');
    at('2026-11-02T10:00:00Z');
    await people.deliver(payroll, hold);
    await people.deliver(payroll, early);
    await people.say('maint', payroll, '/approve', '2026-11-02T11:00:00Z');
    const live = await instances();
    expect(JSON.stringify(live)).not.toContain('"by":"maint2"');
    await writerEdits(
      payroll,
      (body) => body.includes('not recorded: the table changed after this comment'),
      (body) => body.replace(/not recorded: the table changed after this comment[^\n]*/, 'approved.'),
    );

    await rebuildNow();
    expect(await instances()).toEqual(live);
  });

  it("a writer who writes a refusal into the bot's reply to maint's good /approve does not get it dropped by rebuild", async () => {
    const { people, payroll } = await octoberPayroll();
    const approve = await people.say('maint', payroll, '/approve', '2026-11-02T09:00:00Z');
    const live = await instances();
    expect(JSON.stringify(live)).toContain('"by":"maint"');
    await writerEdits(
      payroll,
      (body) => body.includes(`operator-bot:reply ${approve} `),
      (body) =>
        `not recorded: the table in the status comment was changed by someone since the bot wrote it\n\n${body}`,
    );

    await rebuildNow();
    expect(await instances()).toEqual(live);
  });

  it("maint's own words in the comment holding her /approve do not make rebuild drop it", async () => {
    const { people, payroll } = await octoberPayroll();
    await people.say(
      'maint',
      payroll,
      '/hold @alice not recorded: the table in the status comment was changed by someone since the bot wrote it\n/approve',
      '2026-11-02T09:00:00Z',
    );
    const live = await instances();
    expect(JSON.stringify(live)).toContain('"by":"maint"');

    await rebuildNow();
    expect(await instances()).toEqual(live);
  });

  // Rebuild replays in the order comments were written; the live bot handled maint's /hold last
  // (its delivery lost, brought by the catch-up) and did not apply it: her /unhold stood.
  it("maint's /hold the live bot found after her /unhold is not applied in rebuild either: maint2's approval stands", async () => {
    const { people, payroll } = await octoberPayroll();
    const hold = people.write(
      'maint',
      payroll,
      '/hold @alice waiting for her invoice',
      '2026-11-02T10:00:00Z',
    );
    await people.say('maint2', payroll, '/approve', '2026-11-02T10:02:00Z');
    await people.say('maint', payroll, '/unhold @alice', '2026-11-02T10:05:00Z');
    at('2026-11-02T10:10:00Z');
    await people.deliver(payroll, hold);
    expect(gitea().comments(PROGRAM_REPO, payroll).at(-1)?.body).toContain(
      "not applied: it was written before @maint's `/unhold @alice`",
    );
    const live = await instances();
    expect(JSON.stringify(live)).toContain('"by":"maint2"');

    await rebuildNow();
    expect(await instances()).toEqual(live);
  });

  it("a writer who writes 'not applied' into the bot's reply to maint's /hold does not get it undone by rebuild", async () => {
    const { people, payroll } = await octoberPayroll();
    const hold = await people.say(
      'maint',
      payroll,
      '/hold @alice checking her invoice',
      '2026-11-02T09:00:00Z',
    );
    const live = await instances();
    expect(JSON.stringify(live)).toContain('checking her invoice');
    await writerEdits(
      payroll,
      (body) => body.includes(`operator-bot:reply ${hold} `),
      (body) =>
        `${body.split(': ')[0]}: not applied: it was written before a later command, which stands.\n\n${body}`,
    );

    await rebuildNow();
    expect(await instances()).toEqual(live);
  });

  it("maint's /approve of a table a writer had edited is not recorded, live and in rebuild", async () => {
    const { people, payroll } = await octoberPayroll();
    at('2026-11-02T08:00:00Z');
    await writerEdits(payroll, isStatus, addsALine);
    await people.say('maint', payroll, '/approve', '2026-11-02T09:00:00Z');
    expect(gitea().comments(PROGRAM_REPO, payroll).at(-1)?.body).toContain(
      'not recorded: the table in the status comment was changed by someone since the bot wrote it',
    );
    const live = await instances();
    expect(JSON.stringify(live)).toContain('approval not recorded: the table had been edited by hand');

    await rebuildNow();
    expect(await instances()).toEqual(live);
  });

  it("maint's /approve written while a writer's edit of the table stood, handled after the bot wrote the table back, is not recorded, live and in rebuild", async () => {
    const { core, people, payroll } = await octoberPayroll();
    const status = gitea()
      .comments(PROGRAM_REPO, payroll)
      .find((c) => isStatus(c.body));
    at('2026-11-02T08:00:00Z');
    const tampered = await writerEdits(payroll, isStatus, addsALine);
    const approve = people.write('maint', payroll, '/approve', '2026-11-02T09:00:00Z');
    at('2026-11-02T09:30:00Z');
    await core.handle(
      commentPayload('edited', tampered, {
        issue: { number: payroll },
        comment: { id: status?.id ?? 0, user: { login: gitea().botLogin } },
        sender: { login: 'maint2' },
      }),
    );
    expect(
      gitea()
        .comments(PROGRAM_REPO, payroll)
        .find((c) => c.id === status?.id)?.body,
    ).toBe(status?.body);
    await people.deliver(payroll, approve);
    expect(gitea().comments(PROGRAM_REPO, payroll).at(-1)?.body).toContain(
      'not recorded: the table changed after this comment (2026-11-02 09:00 UTC); the table as it stands is shown since 2026-11-02 09:30 UTC:',
    );
    const live = await instances();
    expect(JSON.stringify(live)).not.toContain('approved $');

    await rebuildNow();
    expect(await instances()).toEqual(live);
  });

  it('a closed application edited to another wallet and 10 nodes is reported, not adopted into the registry', async () => {
    seedProgram(gitea());
    const core = testCore(redis.client, gitea());
    const { application } = await activeAlice(world(core), core);
    const [record] = await createOperatorStore(redis.client).all();
    expect(record).toMatchObject({
      login: 'alice',
      nodes: 3,
      wallet: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    });
    const edited = completeForm
      .replace('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359')
      .replace('### Number of Nodes\n\n3', '### Number of Nodes\n\n10');
    expect(edited).not.toBe(completeForm);
    await asEditor('PATCH', `/issues/${application}`, { body: edited });

    const result = await rebuildNow();
    const registry = await createOperatorStore(redis.client).all();
    expect(registry.filter((o) => o.nodes === 10 || o.wallet.startsWith('0xfB69'))).toEqual([]);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toContain(
      `${PROGRAM_REPO}#${application}: the issue body was edited after its workflow ended`,
    );
  });
});
