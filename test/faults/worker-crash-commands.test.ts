import { PROGRAM_REPO } from '../support/bot.js';
import { commentAt, killedAtEveryPoint, type Story } from '../support/crash-points.js';
import { commentPayload, issuePayload, label } from '../support/deliveries.js';
import { addApplicationIssue } from '../support/opened-issue.js';
import { tx } from '../support/payroll.js';
import { applicationLabeled } from '../support/workflows.js';

// Commands and workflows besides the payroll's own, killed before each of their Redis commands and
// run again (test/support/crash-points.ts). Found this way: /wallet killed after recording the
// change answered "(was Base 0x5aAe…)", the new wallet as the old; the exit's /paid killed after
// its ledger write queued no payroll refresh on its retry (bob's line stayed "due").

const STORIES: Record<string, Story> = {
  "maint's `/wallet @bob ADDRESS base` from 20 November, while the payroll is in review": async (
    _core,
    _payroll,
    gitea,
  ) => {
    gitea.addIssue(PROGRAM_REPO, { number: 41, title: 'Checks', user: 'maint' });
    const wallet = '/wallet @bob 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed base 2026-11-20';
    const job = commentAt(41, 807, 'maint', wallet, '2026-12-02T11:00:00Z', { labels: [], author: 'maint' });
    return { job, issues: [41] };
  },
  "bob's `/ack` of a critical alert": async (core, _payroll, gitea) => {
    gitea.addIssue(PROGRAM_REPO, {
      number: 9,
      title: 'Gateway down on fsn1-node-2',
      user: 'bob',
      labels: ['operator-alert'],
    });
    const alert = { number: 9, labels: [label('operator-alert')], user: { login: 'bob' } };
    const at = '2026-12-02T03:00:00Z';
    await core.handle(
      issuePayload('opened', {
        number: 9,
        issue: {
          ...alert,
          title: 'Gateway down on fsn1-node-2',
          body: 'The gateway stopped answering.',
          created_at: at,
          updated_at: at,
        },
        sender: { login: 'bob' },
      }),
    );
    const ack = commentPayload('created', '/ack', {
      issue: alert,
      comment: {
        id: 808,
        user: { login: 'bob' },
        created_at: '2026-12-02T03:10:00Z',
        updated_at: '2026-12-02T03:10:00Z',
      },
      sender: { login: 'bob' },
    });
    return { job: ack, issues: [9] };
  },
  "alice's application labelled `operator-application`": async (_core, _payroll, gitea) => {
    addApplicationIssue(gitea);
    return { job: applicationLabeled(), issues: [7] };
  },
  "maint's `/terminate @bob REASON`": async (_core, _payroll, gitea) => {
    gitea.addIssue(PROGRAM_REPO, { number: 3, title: 'Security incident', user: 'maint' });
    const terminate = '/terminate @bob leaked the fleet API key';
    const job = commentAt(3, 809, 'maint', terminate, '2026-11-20T12:00:00Z', {
      labels: [],
      author: 'maint',
    });
    return { job, issues: [3] };
  },
  "maint's `/paid TX` of bob's final payment in his termination issue": async (core, _payroll, gitea) => {
    gitea.addIssue(PROGRAM_REPO, { number: 3, title: 'Security incident', user: 'maint' });
    const terminate = '/terminate @bob leaked the fleet API key';
    await core.handle(
      commentAt(3, 805, 'maint', terminate, '2026-11-20T12:00:00Z', { labels: [], author: 'maint' }),
    );
    await core.fire(/^opened-termination-bob/);
    let issue = 1;
    while (gitea.issue(PROGRAM_REPO, issue)?.title !== 'Termination: @bob') issue += 1;
    const paid = commentAt(issue, 806, 'maint', `/paid ${tx(13)}`, '2026-11-21T10:00:00Z', {
      labels: ['exit-notice'],
    });
    return { job: paid, issues: [issue] };
  },
};

killedAtEveryPoint(STORIES);
