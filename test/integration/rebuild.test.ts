import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import { payrollInput } from '../../src/domain/payroll/assemble.js';
import { computePayroll } from '../../src/domain/payroll/index.js';
import { createAlertStore } from '../../src/store/alerts.js';
import { createInstanceStore } from '../../src/store/instances.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { createPartnerReportStore } from '../../src/store/partner-reports.js';
import { createPaymentStore } from '../../src/store/payments.js';
import { createReportStore } from '../../src/store/reports.js';
import type { DelayedEvent } from '../../src/worker/handle-event.js';
import { loadPayrollSources } from '../../src/workflows/payroll/sources.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
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

async function state() {
  const r = redis.client;
  const stores = {
    registry: createOperatorStore(r),
    reports: createReportStore(r),
    alerts: createAlertStore(r),
    partnerReports: createPartnerReportStore(r),
  };
  const november = computePayroll(
    payrollInput('2026-11', await loadPayrollSources('2026-11', stores), defaultProgramConfig()),
  );
  return {
    instances: (await createInstanceStore(r).all()).sort(
      (a, b) => a.issue - b.issue || a.workflow.localeCompare(b.workflow),
    ),
    registry: await stores.registry.all(),
    histories: await stores.registry.histories(),
    reports: await stores.reports.of('alice'),
    alerts: await stores.alerts.inMonth('2026-10'),
    payments: await createPaymentStore(r).inMonth('2026-10'),
    november,
  };
}

describe('rebuild', () => {
  it('regrows the whole state, and the next payroll, from the Gitea history alone', {
    timeout: 60_000,
  }, async () => {
    seedProgram(gitea());
    gitea().addUser('maint2');
    gitea().setPermission(PROGRAM_REPO, 'maint2', 'admin');
    const core = testCore(redis.client, gitea());
    const people = world(core);

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
    await people.say('alice', application, '/fleet fsn1-a fsn1-b', '2026-09-12T09:00:00Z');
    await people.say('maint', application, '/tasks 10\n/signoff', '2026-09-12T10:00:00Z');

    const reportedOn: [string, string][] = [
      ['2026-W40', '2026-10-05'],
      ['2026-W41', '2026-10-12'],
      ['2026-W42', '2026-10-19'],
      ['2026-W43', '2026-10-26'],
    ];
    for (const [i, [week, day]] of reportedOn.entries()) {
      const body = `/report uptime=99.${7 + (i % 2)} tasks=4${i}/4${i} week=${week}`;
      await people.say('alice', application, body, `${day}T08:00:00Z`);
    }
    const alert = await people.open(
      'alice',
      'Gateway down on fsn1-a',
      'Gateway down since 10:00.',
      ['operator-alert'],
      '2026-10-20T10:00:00Z',
    );
    await people.say('alice', alert, '/ack', '2026-10-20T10:12:00Z');
    await people.say('alice', alert, '/resolve restarted the gateway', '2026-10-20T11:00:00Z');
    at('2026-11-01T06:00:00Z');
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-11-01T06:00:00.000Z' });
    expect(await core.fire(/^opened-payroll-2026-10/)).toBe(1);
    const payroll =
      [1, 2, 3, 4, 5].find((n) => gitea().issue(PROGRAM_REPO, n)?.title === 'Payroll 2026-10') ?? 0;
    await people.say('maint', payroll, '/approve', '2026-11-02T09:00:00Z');
    await people.say('maint2', payroll, '/approve', '2026-11-02T10:00:00Z');
    // A late report voids the approvals (the refresh job); the maintainers approve the new table.
    await people.say(
      'alice',
      application,
      '/report uptime=90 tasks=4/40 week=2026-W42',
      '2026-11-02T11:00:00Z',
    );
    expect(await core.fire(/^refresh-payroll-2026-10/)).toBeGreaterThan(0);
    await people.say('maint', payroll, '/approve', '2026-11-02T12:00:00Z');
    await people.say('maint2', payroll, '/approve', '2026-11-02T13:00:00Z');
    await people.say('maint', payroll, `/paid all 0x${'cd'.repeat(32)}`, '2026-11-03T09:00:00Z');

    await people.say(
      'alice',
      application,
      '/report uptime=99.9 tasks=40/41 week=2026-W44',
      '2026-11-03T10:00:00Z',
    );

    // A maintainer changes alice's node count from 10 November (appended to her history).
    await people.say('maint', application, '/nodes @alice 7 from 2026-11-10', '2026-11-05T09:00:00Z');

    // After October was paid: alice re-reports one of its weeks, a maintainer tries to adjust it.
    await people.say(
      'alice',
      application,
      '/report uptime=100 tasks=50/50 week=2026-W42',
      '2026-11-06T09:00:00Z',
    );
    await people.say('maint', payroll, '/adjust @alice +5 late bonus', '2026-11-06T10:00:00Z');

    const original = await state();
    expect(original.registry.map((o) => o.login)).toEqual(['alice']);
    expect(original.histories[0]?.events.map((e) => e.type)).toEqual(['activated', 'nodes']);
    expect(original.november.lines[0]?.nodePeriods?.map((p) => [p.from, p.nodes])).toEqual([
      ['2026-11-01', 3],
      ['2026-11-10', 7],
    ]);
    expect(original.payments).toHaveLength(1);
    expect(
      gitea()
        .comments(PROGRAM_REPO, payroll)
        .some((c) => c.body.includes('approval(s) are void')),
    ).toBe(true);
    expect(original.instances.map((i) => `${i.workflow}:${i.state}`)).toEqual([
      'onboarding:active',
      'alert:resolved',
      'payroll:paid',
    ]);
    const writesBefore = gitea().requests.filter((r) => r.method !== 'GET').length;

    await redis.client.flushall();
    const future: DelayedEvent[] = [];
    const result = await rebuildFromGitea(redis.client, gitea(), {
      botLogin: 'operator-bot',
      now: '2026-11-25T00:00:00.000Z',
      scheduleFuture: async (timer) => {
        future.push(timer);
      },
    });
    expect(result.issues).toBe(4); // the application, the alert, the payroll and the program report
    expect(await state()).toEqual(original);
    expect(gitea().requests.filter((r) => r.method !== 'GET').length).toBe(writesBefore);
  });
});
