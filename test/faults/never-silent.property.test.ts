import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMarkerSeal } from '../../src/domain/text/marker.js';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { PROGRAM_REPO } from '../support/bot.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, commentIn, ETH_WALLET, payrollView, tx } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';
import { completeForm } from '../support/workflows.js';

/**
 * Never silent, never stuck: random but realistic deliveries of one issue per workflow go through
 * the worker's road (real Redis, Gitea emulated). Gitea delivers from up to 10 workers, so a
 * comment written later may be handled first: ids and times follow the writing order, the
 * delivery order is random. Whoever writes and whatever they type, no event throws (a throw is a
 * job retried and parked failed: silence for the person), and every comment holding a command
 * gets exactly one reply.
 */
const redis = useRedis();
const gitea = useFakeGitea();

const ODD_NUMBERS = [
  '-1',
  '0',
  '-0',
  'NaN',
  'Infinity',
  '1e309',
  '99999999999999999999',
  '9007199254740991',
  '9007199254740993',
  '1.000000001',
  '0.0000001',
  '٣',
  '１２',
  '0x10',
  '1_000',
  '',
  '∞',
];
const ODD_TEXT = ['', 'x', '🚀 ünïcödé', '@carol', '`code`', '<b>', 'a'.repeat(300), '\u200b'];
const DATES = [
  '2026-11-20',
  '2026-02-30',
  '1900-01-01',
  '9999-12-31',
  '2026-13-01',
  '2026-11-31',
  '2027-01-01',
];
const WEEKS = ['2026-W47', '2026-W53', '2026-W00', '0000-W01', '9999-W52', '2026-W45'];
const MONTHS = ['2026-11', '2026-00', '1999-01', '9999-12', '2026-10', '2027-01'];
const AMOUNTS = [
  '+25',
  '-3',
  '+25.123456',
  '-0.001',
  '+1e9',
  '+99999999999',
  '-99999999999',
  '25',
  '+0',
  '+.5',
];
const LOGINS = ['@bob', '@alice', '@carol', '@maint', '@nobody', '@', '@Bob', '@ünï'];
const CHAINS = ['base', 'ethereum', 'solana', ''];
const TXS = [tx(1), tx(2), 'x', '0x12', ''];

const num = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 120 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
);
const text = fc.oneof(fc.constantFrom(...ODD_TEXT), fc.string({ maxLength: 12 }));
const pick = <T>(values: T[]) => fc.constantFrom(...values);
const line = (...parts: fc.Arbitrary<string>[]) =>
  fc.tuple(...parts).map((words) => words.filter((w) => w !== '').join(' '));
const word = (w: string) => fc.constant(w);

/** Commands of any issue, with realistic and odd arguments. */
const ANY_ISSUE = [
  line(
    word('/report'),
    line(word('uptime='), num).map((s) => s.replace(' ', '')),
    fc.tuple(num, num).map(([a, b]) => `tasks=${a}/${b}`),
    num.map((n) => `cpu=${n}`),
    num.map((n) => `mem=${n}`),
    num.map((n) => `disk=${n}`),
    fc.option(
      pick(WEEKS).map((w) => `week=${w}`),
      { nil: '' },
    ),
    text,
  ),
  word('/report uptime=99.7 tasks=42/44 cpu=35 mem=60 disk=70'),
  fc.tuple(num, pick(WEEKS)).map(([n, week]) => `/report uptime=99.5 tasks=${n}/${n} week=${week}`),
  line(word('/ping'), pick(LOGINS), text),
  line(word('/nodes'), pick(LOGINS), num, pick(DATES)),
  line(word('/nodes'), num),
  line(word('/nodes'), pick(LOGINS), word('confirm')),
  line(word('/wallet'), pick(LOGINS), pick([ETH_WALLET, '0x12', 'x']), pick(CHAINS), pick(DATES)),
  line(word('/partner-report'), pick(MONTHS)),
  line(word('/rotated'), text),
  word('/help'),
  line(word('/terminate'), pick(LOGINS), text),
];
const WORKFLOW_COMMANDS = {
  alert: [
    word('/ack'),
    line(word('/resolve'), text),
    line(word('/severity'), pick(['critical', 'warning', 'info', ''])),
    word('/status'),
  ],
  exit: [
    line(word('/done'), pick(['access', 'tasks', 'credentials', 'report', 'x'])),
    line(word('/confirm'), pick(['access', 'tasks', 'credentials', 'report', 'x'])),
    word('/release'),
    line(word('/paid'), pick(TXS)),
    line(word('/terminate'), pick(['confirm', 'cancel'])),
    word('/status'),
  ],
  onboarding: [
    word('/approve'),
    line(word('/reject'), text),
    line(word('/module'), num),
    line(word('/quiz'), num),
    line(word('/shadow'), pick(LOGINS)),
    line(word('/fleet'), pick(['node-1 node-2', 'node-1', ''])),
    line(word('/tasks'), num),
    word('/signoff'),
    word('/status'),
  ],
  payroll: [
    line(word('/adjust'), pick(LOGINS), pick(AMOUNTS), text),
    line(word('/adjust confirm'), num),
    line(word('/hold'), pick(LOGINS), text),
    line(word('/unhold'), pick(LOGINS)),
    word('/approve'),
    line(word('/paid'), pick(LOGINS), pick(TXS)),
    line(word('/paid all'), pick(CHAINS), pick(TXS)),
    word('/status'),
  ],
  program: [],
} as const;
type Flow = keyof typeof WORKFLOW_COMMANDS;

/** Who writes: a maintainer, a second maintainer, the operator bob, the applicant alice, an outsider. */
const WRITERS = ['maint', 'maint2', 'bob', 'alice', 'carol'];

type Step =
  | { kind: 'comment'; by: string; lines: string[]; minutes: number }
  | { kind: 'closed' | 'reopened'; by: string; minutes: number }
  | { kind: 'edited'; by: string; minutes: number; field: string; value: string }
  | { kind: 'assigned'; by: string; minutes: number; to: string }
  | { kind: 'timers' };

/** Questions of the application and alert forms an edit may answer oddly (`### Question\n\nanswer`). */
const FORM_FIELDS = [
  'Number of Nodes',
  'vCPU',
  'RAM',
  'Storage',
  'Hours per week available',
  'Wallet Address (USDC/USDT)',
  'Wallet Chain',
  'Operator',
  'Severity',
  'Node',
];
const FORM_VALUES = [
  ...ODD_NUMBERS,
  ...ODD_TEXT,
  '3',
  '4 GB',
  'critical',
  'warning',
  '@bob',
  'bob',
  'ethereum',
];

/** `body` with the answer to `field` set to `value` (the question added when the body has none). */
function answered(body: string, field: string, value: string): string {
  const question = `### ${field}\n\n`;
  const at = body.indexOf(question);
  if (at < 0) return `${body}\n\n${question}${value}\n`;
  const end = body.indexOf('\n\n###', at + question.length);
  return `${body.slice(0, at + question.length)}${value}${end < 0 ? '' : body.slice(end)}`;
}

const stepOf = (flow: Flow): fc.Arbitrary<Step> => {
  const own = WORKFLOW_COMMANDS[flow];
  const commands =
    own.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...own) }, { weight: 1, arbitrary: fc.oneof(...ANY_ISSUE) })
      : fc.oneof(...ANY_ISSUE);
  const minutes = fc.integer({ min: 0, max: 60 * 24 * 12 });
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        kind: fc.constant('comment' as const),
        by: pick(WRITERS),
        lines: fc.array(commands, { minLength: 1, maxLength: 2 }),
        minutes,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: pick(['closed', 'reopened'] as const), by: pick(WRITERS), minutes }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('edited' as const),
        by: pick(WRITERS),
        minutes,
        field: pick(FORM_FIELDS),
        value: fc.oneof(pick(FORM_VALUES), fc.string({ maxLength: 8 })),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('assigned' as const),
        by: pick(WRITERS),
        minutes,
        to: pick(WRITERS),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'timers' as const }) },
  );
};

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

type Setup = {
  number: number;
  labels: string[];
  author: string;
  /** The issue's text as last edited. */
  body: string;
  /** When the issue was opened: the steps' times count from here. */
  openedAt: number;
  core: Awaited<ReturnType<typeof aMonthOfActivity>>;
};

/**
 * One issue of `flow` opened (for payroll: the month closed) as Gitea and the bot would have it.
 * `further`: the payroll approved twice, the application in certification, the alert or exit
 * notice opened by carol, who is no operator.
 */
async function open(flow: Flow, further: boolean): Promise<Setup> {
  const core = await aMonthOfActivity(redis.client, gitea());
  if (flow === 'payroll') {
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const number = payrollView(gitea()).number();
    if (further) {
      await core.handle(commentIn(number, 'maint', '/approve', '2026-12-01T07:00:00Z'));
      await core.handle(commentIn(number, 'maint2', '/approve', '2026-12-01T07:01:00Z'));
    }
    const openedAt = Date.parse('2026-12-01T06:00:00Z');
    return { number, labels: ['payroll'], author: gitea().botLogin, body: '', openedAt, core };
  }
  const author =
    further && (flow === 'alert' || flow === 'exit') ? 'carol' : flow === 'onboarding' ? 'carol' : 'bob';
  const issue = {
    alert: {
      number: 9,
      label: 'operator-alert',
      title: 'Gateway down on fsn1-node-2',
      body: 'The gateway stopped answering.',
    },
    exit: { number: 11, label: 'exit-notice', title: `Exit notice: ${author}`, body: '' },
    onboarding: {
      number: 7,
      label: 'operator-application',
      title: 'Operator application: carol',
      body: completeForm,
    },
    program: { number: 12, label: '', title: 'Question', body: 'How do I report?' },
  }[flow];
  const labels = issue.label ? [issue.label] : [];
  gitea().addIssue(PROGRAM_REPO, {
    number: issue.number,
    title: issue.title,
    body: issue.body,
    user: author,
    labels,
  });
  const openedAt = Date.parse('2026-11-10T10:00:00Z');
  await core.handle(
    issuePayload('opened', {
      number: issue.number,
      issue: {
        number: issue.number,
        title: issue.title,
        body: issue.body,
        labels: labels.map((name) => label(name)),
        user: { login: author },
        created_at: iso(openedAt),
        updated_at: iso(openedAt),
      },
      sender: { login: author },
    }),
  );
  if (flow === 'onboarding' && further) {
    const by = (login: string, body: string, hours: number) =>
      core.handle(
        commentIn(issue.number, login, body, iso(openedAt + hours * 3_600_000), {
          labels,
          author,
        }),
      );
    await by('maint', '/approve', 1);
    await by('carol', '/module 1\n/module 2\n/module 3\n/module 4\n/module 5', 2);
    await by('maint', '/quiz 90', 3);
    await by('maint', '/shadow @bob', 4);
    await core.fire(/shadow/);
  }
  return { number: issue.number, labels, author, body: issue.body, openedAt, core };
}

/** The delivery of one step; comment ids and times follow the order the comments were written in. */
function delivery(setup: Setup, s: Exclude<Step, { kind: 'timers' }>, id: number) {
  const at = iso(setup.openedAt + s.minutes * 60_000);
  const issue = {
    number: setup.number,
    labels: setup.labels.map((name) => label(name)),
    user: { login: setup.author },
    updated_at: at,
  };
  if (s.kind === 'comment') {
    return commentPayload('created', s.lines.join('\n'), {
      issue,
      comment: { id, user: { login: s.by }, created_at: at, updated_at: at },
      sender: { login: s.by },
    });
  }
  if (s.kind === 'edited') {
    setup.body = answered(setup.body, s.field, s.value);
    return issuePayload('edited', {
      number: setup.number,
      issue: { ...issue, body: setup.body },
      changes: { body: { from: '' } },
      sender: { login: s.by },
    });
  }
  if (s.kind === 'assigned') {
    const payload = issuePayload('assigned', {
      number: setup.number,
      issue: { ...issue, assignee: { login: s.to } },
      sender: { login: s.by },
    });
    payload.issue.assignees = payload.issue.assignee ? [payload.issue.assignee] : [];
    return payload;
  }
  return issuePayload(s.kind, {
    number: setup.number,
    issue: { ...issue, state: s.kind === 'closed' ? 'closed' : 'open' },
    sender: { login: s.by },
  });
}

const FLOWS: Flow[] = ['alert', 'exit', 'onboarding', 'payroll', 'program'];

describe('whatever people write, in whatever order it is delivered, the bot answers', () => {
  it.each(FLOWS)('%s: no event throws, every command comment gets one reply', async (flow) => {
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(stepOf(flow), { minLength: 1, maxLength: 8 }),
        async (further, steps) => {
          await redis.client.flushall();
          gitea().reset();
          const setup = await open(flow, further);
          // Ids are given in writing (time) order; the deliveries come in the generated order.
          const written = steps
            .map((s, index) => ({ s, index }))
            .filter((w) => w.s.kind !== 'timers')
            .sort(
              (a, b) =>
                ('minutes' in a.s && 'minutes' in b.s ? a.s.minutes - b.s.minutes : 0) || a.index - b.index,
            );
          const idOf = new Map(written.map((w, rank) => [w.index, 90_000 + rank]));
          // Gitea's issue is as the last-written close or reopen left it when the deliveries are handled.
          const lastStateChange = written
            .map((w) => w.s)
            .filter((s) => s.kind === 'closed' || s.kind === 'reopened')
            .at(-1);
          if (lastStateChange?.kind === 'closed') {
            const client = createGiteaClient({
              baseUrl: gitea().baseUrl,
              token: gitea().token,
              timeoutMs: 5_000,
            });
            await client.setIssueState(repoRef(PROGRAM_REPO), setup.number, 'closed');
          }
          const commented: number[] = [];
          for (const [index, s] of steps.entries()) {
            if (s.kind === 'timers') {
              await setup.core.fire(/./);
              continue;
            }
            const id = idOf.get(index) ?? 0;
            await setup.core.handle(delivery(setup, s, id));
            if (s.kind === 'comment') commented.push(id);
          }
          if (flow === 'program') {
            // What was reported still makes a payroll: the month closes and its issue opens.
            await setup.core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
            await setup.core.fire(/^opened-payroll-2026-11/);
            expect(payrollView(gitea()).row('bob')).toContain('@bob');
          }
          const seal = createMarkerSeal(gitea().token);
          const place = `${PROGRAM_REPO}#${setup.number}`;
          const replies = gitea()
            .comments(PROGRAM_REPO, setup.number)
            .flatMap((c) => seal.read(c.body, 'reply', place));
          // A command obeyed without a reply (`/resolve`: the issue closes) shows in the status comment.
          const applied = new Set(
            await Promise.all(
              (await redis.client.keys(`ob:instance:${place}:*`)).map(async (key) => {
                const instance = JSON.parse((await redis.client.get(key)) ?? '{}') as { applied?: number[] };
                return instance.applied ?? [];
              }),
            ).then((lists) => lists.flat()),
          );
          for (const id of commented) {
            const count = replies.filter((r) => r === String(id)).length;
            expect(count === 1 || (count === 0 && applied.has(id)), `replies to ${id}: ${count}`).toBe(true);
          }
        },
      ),
      { seed: Number(process.env.SEED ?? 9), numRuns: Number(process.env.RUNS ?? 25) },
    );
  });
});
