import { PROGRAM_REPO } from '../support/bot.js';
import { approved, commentAt, killedAtEveryPoint, type Story } from '../support/crash-points.js';
import { tx } from '../support/payroll.js';

// Payroll jobs killed before each of their Redis commands and run again (test/support/crash-points.ts).
// Found this way: a /paid killed after its ledger write answered "recorded already" on its retry
// and lost its line in the payroll's history; a job killed after saving its instance never queued
// the payroll refresh (the table in review missed the report); a /report killed after storing its
// report no longer said it replaced the earlier one; a reply recorded already left a "writing"
// mark behind for 30 days.

const STORIES: Record<string, Story> = {
  "maint's `/paid @bob TX` in the approved payroll": async (core, payroll) => {
    await approved(core, payroll);
    return { job: commentAt(payroll, 803, 'maint', `/paid @bob ${tx(12)}`, '2026-12-03T10:00:00Z') };
  },
  "maint2's `/approve`, the second": async (core, payroll) => {
    await core.handle(commentAt(payroll, 801, 'maint', '/approve', '2026-12-02T10:00:00Z'));
    return { job: commentAt(payroll, 802, 'maint2', '/approve', '2026-12-02T10:01:00Z') };
  },
  "bob's `/report` of a worse week while the payroll is in review": async (_core, _payroll, gitea) => {
    gitea.addIssue(PROGRAM_REPO, { number: 40, title: 'Reports', user: 'bob' });
    const report = '/report uptime=95 tasks=20/25 week=2026-W46';
    return { job: commentAt(40, 804, 'bob', report, '2026-12-02T09:00:00Z', { labels: [] }), issues: [40] };
  },
  "maint's `/adjust @alice +40 reason` in the payroll in review": async (_core, payroll) => ({
    job: commentAt(payroll, 810, 'maint', '/adjust @alice +40 extra node week', '2026-12-02T12:00:00Z'),
  }),
};

killedAtEveryPoint(STORIES);
