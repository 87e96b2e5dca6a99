import type { Redis } from 'ioredis';
import { composeForCommand, giteaFromEnv } from '../app/compose.js';
import type { Env } from '../config/env.js';
import type { ProgramConfig } from '../config/program.js';
import { formatDollars } from '../domain/payroll/amount.js';
import type { Payroll, PayrollLine } from '../domain/payroll/index.js';
import type { BotEvent } from '../gitea/event.js';
import type { Logger } from '../logger.js';
import { createDelayedEnqueue } from '../queue/enqueue.js';
import { createEventQueue } from '../queue/event-queue.js';
import { createAlertStore } from '../store/alerts.js';
import { createInstanceStore } from '../store/instances.js';
import { createOperatorStore } from '../store/operators.js';
import { createPartnerReportStore } from '../store/partner-reports.js';
import { createPingStore } from '../store/pings.js';
import { createProgramIssueNumbers } from '../store/program-issues.js';
import { createReportStore } from '../store/reports.js';
import { createRotationStore } from '../store/rotations.js';
import { payrollDataSchema } from '../workflows/payroll/data.js';
import { createPayrollSource } from '../workflows/payroll/sources.js';
import { withRedis } from './redis.js';
import { formatTable } from './table.js';

/** `payroll preview --month YYYY-MM [--json]`: the month's payroll as it stands, with the issue's adjustments and holds. */
export async function runPayrollPreview(
  env: Env,
  config: ProgramConfig,
  month: string,
  json: boolean,
): Promise<number> {
  const payroll = await withRedis(env, (redis) => previewPayroll(redis, env, config, month));
  console.log(json ? JSON.stringify(previewJson(payroll), null, 2) : previewText(payroll));
  return 0;
}

/**
 * The month through the one builder the payroll issue uses, with the issue's adjustments and holds
 * (and its flags); a paid month is its paid snapshot (a closed month never changes).
 */
async function previewPayroll(
  redis: Redis,
  env: Env,
  config: ProgramConfig,
  month: string,
): Promise<Payroll> {
  const source = createPayrollSource(
    {
      registry: createOperatorStore(redis),
      reports: createReportStore(redis),
      alerts: createAlertStore(redis),
      partnerReports: createPartnerReportStore(redis),
      rotations: createRotationStore(redis),
      pings: createPingStore(redis),
    },
    config,
  );
  const number = await createProgramIssueNumbers(redis).get(`payroll-${month}`);
  const instance = number
    ? await createInstanceStore(redis).get(env.PROGRAM_REPO ?? '', number, 'payroll')
    : null;
  const data = instance ? payrollDataSchema.parse(instance.data) : undefined;
  // A paid month is closed: it shows what was approved and paid, whatever was recorded since.
  if (instance?.state === 'paid' && data?.snapshot) return data.snapshot;
  return (await source.build(month, data)).payroll;
}

/** The JSON shape of INTERFACE.md. */
function previewJson(payroll: Payroll) {
  return {
    month: payroll.month,
    lines: payroll.lines.map((line: PayrollLine) => ({
      operator: line.operator,
      status: line.status,
      nodes: line.nodes,
      activeDays: line.activeDays,
      baseCents: line.baseCents,
      bonuses: line.bonuses,
      commissionCents: line.commissionCents,
      adjustmentCents: line.adjustmentCents,
      totalCents: line.totalCents,
      held: line.held,
      flags: line.flags,
      wallet: line.wallet,
      chain: line.chain,
    })),
    totalCents: payroll.totalCents,
  };
}

function previewText(payroll: Payroll): string {
  if (payroll.lines.length === 0) return `No operator was active in ${payroll.month}.`;
  const table = formatTable<PayrollLine>(
    [
      ['OPERATOR', (l) => l.operator],
      ['NODES', (l) => String(l.nodes)],
      ['DAYS', (l) => `${l.activeDays}/${l.daysInMonth}`],
      ['BASE', (l) => formatDollars(l.baseCents)],
      ['BONUSES', (l) => formatDollars(l.bonusCents)],
      ['COMMISSION', (l) => formatDollars(l.commissionCents)],
      ['ADJUST', (l) => formatDollars(l.adjustmentCents)],
      ['TOTAL', (l) => formatDollars(l.totalCents)],
      ['HELD', (l) => (l.held ? 'yes' : '')],
      ['FLAGS', (l) => l.flags.join(' ')],
    ],
    payroll.lines,
  );
  return `Payroll ${payroll.month}\n\n${table}\n\nTotal ${formatDollars(payroll.totalCents)} · payable ${formatDollars(payroll.payableCents)}`;
}

/**
 * `payroll open --month YYYY-MM`: opens (or refreshes) the month's payroll issue now. What is due
 * now (the issue's start) runs here; a timer due later (the approval reminder) goes on the queue
 * with its due time, for the worker, as if the schedule had opened the issue.
 */
export async function runPayrollOpen(
  env: Env,
  config: ProgramConfig,
  log: Logger,
  month: string,
): Promise<number> {
  return withRedis(env, async (redis) => {
    const queue = createEventQueue(redis);
    try {
      const later = createDelayedEnqueue(queue);
      const due: BotEvent[] = [];
      const core = await composeForCommand({
        env,
        config,
        log,
        redis,
        gitea: giteaFromEnv(env),
        enqueueAt: async (job) => {
          if (Date.parse(job.dueAt) <= Date.now()) due.push(job.event);
          else await later(job);
        },
      });
      await core.runSchedule({ schedule: 'monthClose', month, firedAt: new Date().toISOString() });
      for (let i = 0; i < due.length; i++) await core.handleEvent(due[i] as BotEvent);
      const payroll = due.find((e) => e.issue.title === `Payroll ${month}`);
      console.log(
        payroll
          ? `Payroll ${month}: ${env.GITEA_URL}/${env.PROGRAM_REPO}/issues/${payroll.issue.number}`
          : 'Nothing opened.',
      );
      return 0;
    } finally {
      await queue.close();
    }
  });
}
