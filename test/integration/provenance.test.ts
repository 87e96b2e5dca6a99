import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../src/config/program.js';
import { createMarkerSeal } from '../../src/domain/text/marker.js';
import { createGiteaClient, repoRef } from '../../src/gitea/client.js';
import { createLogger } from '../../src/logger.js';
import { createAlertStore } from '../../src/store/alerts.js';
import { createOperatorStore } from '../../src/store/operators.js';
import { PROGRAM_REPO, seedProgram } from '../support/bot.js';
import { testCore } from '../support/core.js';
import { commentPayload, issueLabelPayload, issuePayload, label } from '../support/deliveries.js';
import { useFakeGitea } from '../support/gitea/vitest.js';
import { useRedis } from '../support/redis.js';
import { activeOperator } from '../support/workflows.js';

/** The inputs of issue #14 "Where a thing comes from", each through the worker's road. */
const redis = useRedis();
const gitea = useFakeGitea();
const SANDBOX = 'fleet/sandbox';

let commentId = 8000;
const comment = (repo: string, issue: number, login: string, body: string, at: string, labels: string[]) =>
  commentPayload('created', body, {
    repository: { full_name: repo, name: repo.split('/')[1], owner: { login: repo.split('/')[0] } },
    issue: { number: issue, labels: labels.map((name) => label(name)), user: { login: 'bob' } },
    comment: { id: ++commentId, user: { login }, created_at: at, updated_at: at },
    sender: { login },
  });
const alertEvent = (action: 'opened' | 'closed', repo: string, issue: number, login: string, at: string) =>
  issuePayload(action, {
    repository: { full_name: repo, name: repo.split('/')[1], owner: { login: repo.split('/')[0] } },
    number: issue,
    issue: {
      number: issue,
      title: 'Gateway down on fsn1-node-2',
      body: '### Operator\n\n@bob\n\n### Problem\n\nThe gateway is down.',
      labels: [label('operator-alert')],
      user: { login },
      state: action === 'closed' ? 'closed' : 'open',
      created_at: '2026-11-10T10:00:00Z',
      updated_at: at,
    },
    sender: { login },
  });

async function setUp(lines?: string[]) {
  seedProgram(gitea());
  await createOperatorStore(redis.client).put(activeOperator('bob'));
  const log = createLogger('info', { write: (line: string) => void lines?.push(line) });
  return testCore(redis.client, gitea(), defaultProgramConfig(), { log });
}

const byTitle = (title: string) =>
  Array.from({ length: 20 }, (_, i) => gitea().issue(PROGRAM_REPO, i + 1)).filter((i) => i?.title === title);

describe('program issues are the bot’s own', () => {
  it('an issue a read-only user opened as "Payroll 2026-11", even with a copied signed marker, is not adopted', async () => {
    const lines: string[] = [];
    const core = await setUp(lines);
    const seal = createMarkerSeal(gitea().token);
    const copied = [
      seal.seal('payroll', '{"month":"2026-11"}', PROGRAM_REPO),
      seal.seal('program-issue', 'payroll-2026-11', PROGRAM_REPO),
    ].join('\n');
    const impostor = gitea().addIssue(PROGRAM_REPO, {
      title: 'Payroll 2026-11',
      body: `Please pay to my new wallet.\n\n${copied}`,
      user: 'carol',
      labels: ['payroll'],
    });
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    expect(gitea().issue(PROGRAM_REPO, impostor.number)?.body).toContain('Please pay to my new wallet.');
    expect(gitea().comments(PROGRAM_REPO, impostor.number)).toEqual([]);
    const payrolls = byTitle('Payroll 2026-11');
    expect(payrolls).toHaveLength(2);
    const own = payrolls.find((i) => i?.number !== impostor.number);
    expect(
      gitea()
        .comments(PROGRAM_REPO, own?.number ?? 0)
        .some((c) => c.body.includes('operator-bot:state')),
    ).toBe(true);
    expect(lines.join('\n')).toMatch(
      /skipped an issue titled like a program issue that the bot did not open/,
    );
  });
});

describe('only the program’s repositories count', () => {
  it('an alert opened and closed in another repo of the organisation costs nobody anything', async () => {
    const core = await setUp();
    gitea().addRepo(SANDBOX);
    gitea().addIssue(SANDBOX, {
      number: 3,
      title: 'Gateway down on fsn1-node-2',
      user: 'carol',
      labels: ['operator-alert'],
    });
    expect(
      core.isRelevant({
        ...(await toEvent(alertEvent('opened', SANDBOX, 3, 'carol', '2026-11-10T10:00:00Z'))),
      }),
    ).toBe(false);
    await core.handle(alertEvent('opened', SANDBOX, 3, 'carol', '2026-11-10T10:00:00Z'));
    await core.handle(alertEvent('closed', SANDBOX, 3, 'carol', '2026-11-10T10:01:00Z'));
    await core.handle(comment(SANDBOX, 3, 'carol', '/terminate @bob for fun', '2026-11-10T10:02:00Z', []));
    expect(await createAlertStore(redis.client).inMonth('2026-11')).toEqual([]);
    expect(gitea().comments(SANDBOX, 3)).toEqual([]);
    expect(gitea().issueLabels(SANDBOX, 3)).toEqual(['operator-alert']);
    expect(core.timers).toEqual([]);
  });
});

describe('severity is not the operator’s to lower', () => {
  async function criticalAlertAckedAfterSixHours(lowerBy: string) {
    const core = await setUp();
    gitea().addIssue(PROGRAM_REPO, {
      number: 9,
      title: 'Gateway down on fsn1-node-2',
      user: 'bob',
      labels: ['operator-alert'],
    });
    await core.handle(alertEvent('opened', PROGRAM_REPO, 9, 'bob', '2026-11-10T10:00:00Z'));
    await core.handle(
      comment(PROGRAM_REPO, 9, lowerBy, '/severity warning', '2026-11-10T15:59:00Z', ['operator-alert']),
    );
    await core.handle(comment(PROGRAM_REPO, 9, 'bob', '/ack', '2026-11-10T16:00:00Z', ['operator-alert']));
    await core.runSchedule({ schedule: 'monthClose', firedAt: '2026-12-01T06:00:00.000Z' });
    await core.fire(/^opened-payroll-2026-11/);
    const payroll = byTitle('Payroll 2026-11')[0]?.number ?? 0;
    return (
      gitea()
        .comments(PROGRAM_REPO, payroll)
        .find((c) => c.body.includes('operator-bot:state'))?.body ?? ''
    );
  }

  it('the operator’s /severity warning is refused, and the late /ack costs the response bonus', async () => {
    const table = await criticalAlertAckedAfterSixHours('bob');
    const replies = gitea()
      .comments(PROGRAM_REPO, 9)
      .map((c) => c.body)
      .join('\n');
    expect(replies).toContain('only a maintainer may use this.');
    expect(table).not.toContain('no critical alerts');
    expect(table).toMatch(/response: 1 critical alert/);
  });

  it('a maintainer may lower it, but the bonus is judged against the highest severity the alert had', async () => {
    const table = await criticalAlertAckedAfterSixHours('maint');
    expect((await createAlertStore(redis.client).inMonth('2026-11'))[0]).toMatchObject({
      severity: 'warning',
      peakSeverity: 'critical',
    });
    expect(table).not.toContain('no critical alerts');
    expect(table).toMatch(/response: 1 critical alert/);
  });
});

async function toEvent(payload: ReturnType<typeof alertEvent>) {
  const { normalizeDelivery } = await import('../../src/gitea/normalize.js');
  const normalized = normalizeDelivery('issues', payload);
  if (normalized.outcome !== 'event') throw new Error('not an event');
  return normalized.event;
}

describe('who may close, reopen and relabel a workflow issue', () => {
  const api = () => createGiteaClient({ baseUrl: gitea().baseUrl, token: gitea().token, timeoutMs: 5_000 });
  const repo = repoRef(PROGRAM_REPO);
  const closedBy = (login: string, at: string) =>
    issuePayload('closed', {
      number: 9,
      issue: {
        number: 9,
        title: 'Gateway down on fsn1-node-2',
        body: 'The gateway is down.',
        labels: [label('operator-alert'), label('alert/open')],
        user: { login: 'bob' },
        state: 'closed',
        created_at: '2026-11-10T10:00:00Z',
        updated_at: at,
      },
      sender: { login },
    });
  async function openAlert() {
    const core = await setUp();
    gitea().addUser('dave');
    gitea().setPermission(PROGRAM_REPO, 'dave', 'write');
    gitea().addIssue(PROGRAM_REPO, {
      number: 9,
      title: 'Gateway down on fsn1-node-2',
      user: 'bob',
      labels: ['operator-alert'],
    });
    await core.handle(alertEvent('opened', PROGRAM_REPO, 9, 'bob', '2026-11-10T10:00:00Z'));
    return core;
  }
  const notesTo = (login: string) =>
    gitea()
      .comments(PROGRAM_REPO, 9)
      .filter((c) => c.body.startsWith(`@${login}:`));

  it('a writer who may not /resolve closes the alert: the bot reopens it and says why, once', async () => {
    const core = await openAlert();
    for (const at of ['2026-11-10T10:05:00Z', '2026-11-10T10:06:00Z']) {
      await api().setIssueState(repo, 9, 'closed');
      await core.handle(closedBy('dave', at));
      expect(gitea().issue(PROGRAM_REPO, 9)?.state).toBe('open');
    }
    expect(notesTo('dave')).toHaveLength(1);
    expect(notesTo('dave')[0]?.body).toContain(
      'only the responsible operator or a maintainer may close this issue',
    );
    expect(notesTo('dave')[0]?.body).toContain('`/resolve NOTE`');
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toContain('alert/open');
    expect((await createAlertStore(redis.client).inMonth('2026-11'))[0]?.acknowledgedAt).toBeUndefined();
  });

  it('the responsible operator’s close resolves it', async () => {
    const core = await openAlert();
    await api().setIssueState(repo, 9, 'closed');
    await core.handle(closedBy('bob', '2026-11-10T10:05:00Z'));
    expect(gitea().issue(PROGRAM_REPO, 9)?.state).toBe('closed');
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toContain('alert/resolved');
  });

  it('a state label changed by hand is put back, with one note', async () => {
    const core = await openAlert();
    for (const at of ['2026-11-10T10:05:00Z', '2026-11-10T10:06:00Z']) {
      const open = (await api().issueLabels(repo, 9)).find((l) => l.name === 'alert/open');
      if (open?.id) await api().removeLabel(repo, 9, open.id);
      await core.handle(
        issueLabelPayload(['operator-alert', 'severity/critical'], {
          number: 9,
          issue: { number: 9, user: { login: 'bob' }, updated_at: at },
          sender: { login: 'dave' },
        }),
      );
      expect(gitea().issueLabels(PROGRAM_REPO, 9)).toContain('alert/open');
    }
    expect(notesTo('dave')).toHaveLength(1);
    expect(notesTo('dave')[0]?.body).toContain('put `alert/open` back');
  });

  it('a maintainer taken off the repository loses the role with the next event', async () => {
    const core = await openAlert();
    await core.handle(
      comment(PROGRAM_REPO, 9, 'maint', '/severity warning', '2026-11-10T10:01:00Z', ['operator-alert']),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toContain('severity/warning');
    gitea().setPermission(PROGRAM_REPO, 'maint', 'read');
    await core.handle(
      comment(PROGRAM_REPO, 9, 'maint', '/severity critical', '2026-11-10T10:02:00Z', ['operator-alert']),
    );
    expect(gitea().issueLabels(PROGRAM_REPO, 9)).toContain('severity/warning');
    expect(
      gitea()
        .comments(PROGRAM_REPO, 9)
        .some(
          (c) => c.body.includes('/severity critical') && c.body.includes('only a maintainer may use this.'),
        ),
    ).toBe(true);
  });
});
