import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { txKey } from '../../src/domain/payments/ledger.js';
import type { Payment } from '../../src/domain/payments/payment.js';
import { createInstanceStore } from '../../src/store/instances.js';
import { createPaymentStore } from '../../src/store/payments.js';
import { payrollData } from '../../src/workflows/payroll/data.js';
import { PROGRAM_REPO } from '../support/bot.js';
import type { DeliveryPayload } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { aMonthOfActivity, commentIn, payrollView, tx } from '../support/payroll.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const gitea = useFakeGitea();
const FAST_RETRY = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 };

const login = fc.constantFrom('alice', 'bob');
const maintainer = fc.constantFrom('maint', 'maint2');
const step = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('report' as const),
      login,
      week: fc.constantFrom('2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48'),
      uptime: fc.constantFrom('95', '99.4', '99.8', '100'),
      done: fc.integer({ min: 20, max: 25 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('adjust' as const),
      login,
      dollars: fc.integer({ min: -40, max: 40 }).filter((d) => d !== 0),
      by: maintainer,
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hold' as const), login, by: maintainer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unhold' as const), login, by: maintainer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('approve' as const), by: maintainer }) },
  /** Both maintainers approve, one after the other. */
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('approveBoth' as const) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      who: fc.constantFrom('@alice', '@bob', 'all', 'all', 'all base', 'all ethereum'),
      tx: fc.integer({ min: 1, max: 4 }),
      by: maintainer,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refresh' as const) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      method: fc.constantFrom('POST', 'PATCH', 'PUT', 'DELETE'),
      times: fc.integer({ min: 1, max: 5 }),
    }),
  },
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function commandOf(s: Step): string | undefined {
  switch (s.kind) {
    case 'adjust':
      return `/adjust @${s.login} ${s.dollars > 0 ? '+' : ''}${s.dollars} reason`;
    case 'hold':
      return `/hold @${s.login} checking`;
    case 'unhold':
      return `/unhold @${s.login}`;
    case 'approve':
      return '/approve';
    case 'pay':
      return `/paid ${s.who} ${tx(s.tx)}`;
    default:
      return undefined;
  }
}

describe('the ledger under random histories with Gitea faults (property)', () => {
  it('pays per operator and month exactly the approved snapshot, and records no transaction twice', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 20 }), async (steps) => {
        gitea().reset();
        await redis.client.flushall();
        const core = await aMonthOfActivity(redis.client, gitea(), undefined, { retry: FAST_RETRY });
        await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
        await core.fire(/^opened-payroll-2026-11/);
        const payroll = payrollView(gitea());
        gitea().addIssue(PROGRAM_REPO, { number: 40, title: 'Reports', user: 'bob' });
        const instances = createInstanceStore(redis.client);
        const ledger = createPaymentStore(redis.client);
        let minute = 0;
        /** The worker retries a failed job after the outage: the same delivery again. */
        const handle = async (payload: DeliveryPayload) => {
          for (let attempt = 0; ; attempt++) {
            try {
              return await core.handle(payload);
            } catch (error) {
              if (attempt >= 3) throw error;
              gitea().clearFaults();
            }
          }
        };
        const fireRefreshes = async () => {
          for (let attempt = 0; ; attempt++) {
            try {
              return await core.fire(/^refresh-payroll/);
            } catch (error) {
              if (attempt >= 3) throw error;
              gitea().clearFaults();
            }
          }
        };
        for (const s of steps) {
          const at = new Date(Date.parse('2026-12-02T10:00:00Z') + ++minute * 60_000).toISOString();
          const before = await instances.get(PROGRAM_REPO, payroll.number(), 'payroll');
          const paidBefore = await ledger.inMonth('2026-11');
          if (s.kind === 'fault') {
            gitea().failNext({
              method: s.method,
              path: /^\/repos\/fleet\/program\//,
              status: 500,
              times: s.times,
            });
            continue;
          }
          if (s.kind === 'refresh') await fireRefreshes();
          else if (s.kind === 'approveBoth') {
            await handle(commentIn(payroll.number(), 'maint', '/approve', at));
            await handle(commentIn(payroll.number(), 'maint2', '/approve', at));
          } else if (s.kind === 'report') {
            const body = `/report uptime=${s.uptime} tasks=${s.done}/25 week=${s.week}`;
            await handle(commentIn(40, s.login, body, at, { labels: [], author: 'bob' }));
          } else {
            await handle(commentIn(payroll.number(), 'by' in s ? s.by : 'maint', commandOf(s) ?? '', at));
          }
          const paidAfter = await ledger.inMonth('2026-11');
          const fresh = paidAfter.filter((p) => !paidBefore.some((q) => q.login === p.login));
          for (const old of paidBefore) expect(paidAfter).toContainEqual(old);
          if (fresh.length > 0) {
            // Paid only from an approved snapshot, for that snapshot's amount.
            expect(before?.state).toBe('approved');
            const data = payrollData(before ?? ({ data: {} } as never));
            expect(data.approvals.length).toBeGreaterThanOrEqual(2);
            for (const a of data.approvals) expect(a.digest).toBe(data.digest);
            for (const p of fresh) {
              const line = data.snapshot?.lines.find((l) => l.operator === p.login);
              expect(p.cents).toBe(line?.payableCents);
              expect(p.chain).toBe(line?.chain);
            }
          }
        }
        const all: Payment[] = await ledger.inMonth('2026-11');
        const byTx = new Map<string, Payment[]>();
        for (const p of all) byTx.set(txKey(p.tx), [...(byTx.get(txKey(p.tx)) ?? []), p]);
        for (const uses of byTx.values()) {
          expect(new Set(uses.map((p) => `${p.issue} ${p.chain}`)).size).toBe(1);
        }
        expect(new Set(all.map((p) => p.login)).size).toBe(all.length);
      }),
      { numRuns: 20, endOnFailure: true },
    );
  }, 240_000);
});
