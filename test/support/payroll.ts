import type { Redis } from 'ioredis';
import type { ProgramConfig } from '../../src/config/program.js';
import { createAlertStore } from '../../src/store/alerts.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createReportStore } from '../../src/store/reports.js';
import { PROGRAM_REPO, seedProgram } from './bot.js';
import { testCore } from './core.js';
import { commentPayload, label } from './deliveries.js';
import type { FakeGitea } from './gitea/index.js';
import { activeOperator } from './workflows.js';

export const ETH_WALLET = '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359';
/** A transaction id: `0x` and 32 times the two digits of `n`. */
export const tx = (n: number) => `0x${String(n).padStart(2, '0').repeat(32)}`;

/**
 * November 2026: alice (Base, 3 nodes, $250.00) and bob (Ethereum, 7 nodes, uptime 99.4%,
 * $250.00), six weekly reports each, one critical alert bob acknowledged in 10 minutes; the
 * maintainers maint and maint2.
 */
export async function aMonthOfActivity(
  redis: Redis,
  gitea: FakeGitea,
  config?: ProgramConfig,
  options?: Parameters<typeof testCore>[3],
) {
  // The month closes on 1 December at 06:00: Gitea's own stamps (the bot's status writes, which an
  // `/approve` is weighed against) follow from there, whatever day the test runs on.
  gitea.clockFrom('2026-12-01T06:00:00Z');
  seedProgram(gitea);
  gitea.addUser('maint2');
  gitea.setPermission(PROGRAM_REPO, 'maint2', 'admin');
  const registry = createOperatorStore(redis);
  await registry.put(activeOperator('alice', { activatedAt: '2026-10-15T09:00:00.000Z', nodes: 3 }));
  await registry.put(
    activeOperator('bob', {
      activatedAt: '2026-01-01T09:00:00.000Z',
      nodes: 7,
      chain: 'ethereum',
      wallet: ETH_WALLET,
    }),
  );
  const reports = createReportStore(redis);
  for (const week of ['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']) {
    const source = { issue: `${PROGRAM_REPO}#1`, commentId: 1, at: '2026-12-01T00:00:00.000Z' };
    await reports.put('alice', {
      report: { week, uptimePercent: 99.8, tasksCompleted: 50, tasksDispatched: 50 },
      source,
    });
    await reports.put('bob', {
      report: { week, uptimePercent: 99.4, tasksCompleted: 24, tasksDispatched: 25 },
      source,
    });
  }
  await createAlertStore(redis).put({
    issue: `${PROGRAM_REPO}#9`,
    login: 'bob',
    severity: 'critical',
    openedAt: '2026-11-12T03:00:00.000Z',
    acknowledgedAt: '2026-11-12T03:10:00.000Z',
    acknowledgedBy: 'bob',
    responseMs: 600_000,
  });
  return testCore(redis, gitea, config, options);
}

let commentId = 70_000;
/** A comment in `issue` (a payroll issue unless `labels` say otherwise), by `login`. */
export const commentIn = (
  issue: number,
  login: string,
  body: string,
  at = '2026-12-02T10:00:00Z',
  options: { labels?: string[]; author?: string } = {},
) =>
  commentPayload('created', body, {
    issue: {
      number: issue,
      labels: (options.labels ?? ['payroll']).map((name) => label(name)),
      user: { login: options.author ?? 'operator-bot' },
    },
    comment: { id: ++commentId, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });

/** Reads the payroll issue of `month` as a person would see it. */
export function payrollView(gitea: FakeGitea, month = '2026-11') {
  const number = () => {
    for (let n = 1; n < 60; n++) if (gitea.issue(PROGRAM_REPO, n)?.title === `Payroll ${month}`) return n;
    throw new Error(`no payroll issue for ${month}`);
  };
  const table = () =>
    gitea.comments(PROGRAM_REPO, number()).find((c) => c.body.includes('operator-bot:state'))?.body ?? '';
  return {
    number,
    table,
    row: (login: string) =>
      table()
        .split('\n')
        .find((line) => line.startsWith(`| @${login} |`)) ?? '',
    labels: () => gitea.issueLabels(PROGRAM_REPO, number()).filter((l) => l.startsWith('payroll/')),
    /** Every comment but the status table. */
    comments: () =>
      gitea
        .comments(PROGRAM_REPO, number())
        .filter((c) => !c.body.includes('operator-bot:state'))
        .map((c) => c.body),
    state: () => gitea.issue(PROGRAM_REPO, number())?.state,
  };
}

/** Opens November's payroll (as the 1st of December's schedule does) and has it approved by maint and maint2. */
export async function approvedPayroll(core: Awaited<ReturnType<typeof aMonthOfActivity>>, gitea: FakeGitea) {
  await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
  await core.fire(/^opened-payroll-2026-11/);
  const view = payrollView(gitea);
  await core.handle(commentIn(view.number(), 'maint', '/approve'));
  await core.handle(commentIn(view.number(), 'maint2', '/approve'));
  return view;
}
