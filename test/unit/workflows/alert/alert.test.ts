import { describe, expect, it } from 'vitest';
import { parseProgramConfig } from '../../../../src/config/load.js';
import type { Role } from '../../../../src/engine/definition.js';
import type { Effect } from '../../../../src/engine/effects.js';
import type { Instance } from '../../../../src/engine/instance.js';
import type { BotEvent } from '../../../../src/gitea/event.js';
import { botEvent } from '../../../support/events.js';
import { activeOperator, step, workflowNamed } from '../../../support/workflows.js';

const alert = workflowNamed('alert');
const OPENED = '2026-11-20T10:00:00.000Z';
const of = (effects: Effect[], type: Effect['type']) => effects.filter((e) => e.type === type);
const text = (effects: Effect[], type: 'reply' | 'upsertStatusComment' | 'postNote') =>
  (of(effects, type) as { body: string }[]).map((e) => e.body).join('\n');

const openAlert = (overrides: Partial<BotEvent['issue']> = {}, facts = {}) =>
  step(alert, null, {
    event: botEvent({
      kind: 'issue.opened',
      actor: 'bob',
      at: OPENED,
      issue: {
        title: 'Gateway down on fsn1-node-2',
        author: 'bob',
        labels: ['operator-alert'],
        createdAt: OPENED,
        body: '',
        ...overrides,
      },
    }),
    facts: { author: activeOperator('bob'), ...facts },
  });

let nextId = 900;
const command = (
  instance: Instance | null,
  actor: string,
  body: string,
  at: string,
  roles: Role[] = actor === 'bob' ? ['responsible'] : [],
  id = ++nextId,
) =>
  step(alert, instance, {
    event: botEvent({
      kind: 'comment.created',
      actor,
      at,
      comment: { id, body, createdAt: at },
      issue: { author: 'bob', labels: ['operator-alert'] },
    }),
    roles,
  });

/** A maintainer reopens bob's alert at `at`; the issue has `labels`. */
const reopen = (instance: Instance | null, at: string, labels = ['operator-alert']) =>
  step(alert, instance, {
    event: botEvent({
      kind: 'issue.reopened',
      at,
      actor: 'maint',
      issue: { title: 'Gateway down', author: 'bob', labels },
    }),
    facts: { author: activeOperator('bob') },
    roles: ['maintainer'],
  });

const timer = (instance: Instance | null, name: string, at: string) =>
  step(alert, instance, {
    event: botEvent({
      kind: 'timer.fired',
      at,
      timer: {
        workflow: 'alert',
        name,
        forState: instance?.state ?? '',
        forVersion: (instance?.data.timers as Record<string, number> | undefined)?.[name] ?? -1,
      },
    }),
  });

describe('alert: opening', () => {
  it('classifies, names the responsible operator and the deadline in UTC, and sets the labels', () => {
    const { instance, effects } = openAlert();
    expect(instance?.state).toBe('open');
    expect(instance?.data).toMatchObject({
      severity: 'critical',
      responsible: 'bob',
      ackDeadline: '2026-11-20T10:30:00.000Z',
    });
    expect(of(effects, 'setStateLabel')).toEqual([
      { type: 'setStateLabel', scope: 'alert', label: 'alert/open' },
      { type: 'setStateLabel', scope: 'severity', label: 'severity/critical' },
    ]);
    expect(text(effects, 'upsertStatusComment')).toContain(
      '@bob acknowledges with `/ack` by **2026-11-20 10:30:00 UTC**',
    );
    expect(of(effects, 'scheduleTimer').map((t) => (t as { name: string; dueAt: string }).dueAt)).toEqual([
      '2026-11-20T10:30:00.000Z',
      '2026-11-23T10:00:00.000Z',
    ]);
    expect(of(effects, 'recordAlert')).toEqual([
      {
        type: 'recordAlert',
        alert: {
          issue: 'fleet/program#7',
          login: 'bob',
          severity: 'critical',
          peakSeverity: 'critical',
          openedAt: OPENED,
        },
      },
    ]);
  });

  it('gives a warning 4 hours, and prefers the assignee as responsible', () => {
    const { instance } = openAlert({ title: 'Failed cron jobs', assignees: ['carol'] });
    expect(instance?.data).toMatchObject({
      severity: 'warning',
      responsible: 'carol',
      ackDeadline: '2026-11-20T14:00:00.000Z',
    });
  });

  it('has no responsible operator when a non-operator opens it unassigned, and says so', () => {
    const { instance, effects } = openAlert({ author: 'carol' }, { author: undefined });
    expect(instance?.data.responsible).toBeUndefined();
    expect(text(effects, 'upsertStatusComment')).toContain('none yet');
  });
});

describe('alert: escalation', () => {
  it('escalates at the deadline, then again every escalateEvery, each level once, mentioning the contacts', () => {
    let { instance } = openAlert();
    const first = timer(instance, 'ackDeadline', '2026-11-20T10:30:00.000Z');
    instance = first.instance;
    expect(instance?.state).toBe('escalated');
    expect(of(first.effects, 'postNote')).toEqual([
      expect.objectContaining({
        key: 'escalation-1',
        body: expect.stringContaining(
          'the maintainers (no escalation.contacts are configured) — please step in',
        ),
      }),
    ]);
    expect(of(first.effects, 'notify')).toEqual([
      expect.objectContaining({
        key: 'escalation-1',
        notification: expect.objectContaining({ level: 1, severity: 'critical' }),
      }),
    ]);
    const next = of(first.effects, 'scheduleTimer')[0] as { name: string; dueAt: string };
    expect(next).toMatchObject({ name: 'escalation', dueAt: '2026-11-20T11:00:00.000Z' });
    const second = timer(instance, 'escalation', next.dueAt);
    expect(of(second.effects, 'postNote')).toEqual([expect.objectContaining({ key: 'escalation-2' })]);
    expect(second.instance?.data.level).toBe(2);
  });

  it('ignores a deadline timer once the alert is acknowledged, or superseded by a new deadline', () => {
    const { instance } = openAlert();
    const acked = command(instance, 'bob', '/ack', '2026-11-20T10:10:00.000Z').instance;
    const late = timer(instance, 'ackDeadline', '2026-11-20T10:30:00.000Z');
    expect(late.instance?.state).toBe('escalated');
    const stale = step(alert, acked, {
      event: botEvent({
        kind: 'timer.fired',
        timer: { workflow: 'alert', name: 'ackDeadline', forState: 'open', forVersion: 1 },
      }),
    });
    expect(stale.instance).toBe(acked);
    expect(stale.effects).toEqual([]);
  });

  it('proposes a termination review after 72 h unacknowledged, once', () => {
    let { instance } = openAlert();
    instance = timer(instance, 'ackDeadline', '2026-11-20T10:30:00.000Z').instance;
    const proposal = timer(instance, 'unresponsive', '2026-11-23T10:00:00.000Z');
    const opened = of(proposal.effects, 'openProgramIssue')[0] as Extract<
      Effect,
      { type: 'openProgramIssue' }
    >;
    expect(opened).toMatchObject({
      start: true,
      issue: { title: 'Termination proposed: @bob', labels: ['exit-notice'] },
    });
    // The termination is a marker the program issue writer signs (src/gitea/program-issues.ts).
    expect(opened.issue.markers?.[0]?.payload).toContain('"mode":"proposed"');
    expect(text(proposal.effects, 'postNote')).toContain('termination review was proposed');
    expect(proposal.instance?.state).toBe('escalated');
    const again = timer(proposal.instance, 'unresponsive', '2026-11-23T10:00:00.000Z');
    expect(of(again.effects, 'openProgramIssue')).toEqual([]);
  });
});

describe('alert: acknowledgement and response time', () => {
  it.each([
    ['2026-11-20T10:29:59.000Z', 1_799_000, '29m 59s'],
    ['2026-11-20T10:30:00.000Z', 1_800_000, '30m'],
  ])('records /ack at %s as a response of %i ms', (at, responseMs, shown) => {
    const { instance } = openAlert();
    const acked = command(instance, 'bob', '/ack', at);
    expect(acked.instance?.state).toBe('acknowledged');
    expect(of(acked.effects, 'recordAlert')).toEqual([
      {
        type: 'recordAlert',
        alert: {
          issue: 'fleet/program#7',
          login: 'bob',
          severity: 'critical',
          peakSeverity: 'critical',
          openedAt: OPENED,
          acknowledgedAt: at,
          acknowledgedBy: 'bob',
          responseMs,
        },
      },
    ]);
    expect(text(acked.effects, 'reply')).toContain(`response time ${shown}`);
  });

  it('resolves and closes with a note; reopening starts a fresh deadline', () => {
    const { instance } = openAlert();
    const resolved = command(instance, 'bob', '/resolve restarted the gateway', '2026-11-20T10:20:00.000Z');
    expect(resolved.instance?.state).toBe('resolved');
    expect(of(resolved.effects, 'closeIssue')).toHaveLength(1);
    expect(text(resolved.effects, 'upsertStatusComment')).toContain('restarted the gateway');
    const reopened = reopen(resolved.instance, '2026-11-21T08:00:00.000Z');
    expect(reopened.instance?.state).toBe('open');
    expect(reopened.instance?.data).toMatchObject({
      openedAt: '2026-11-21T08:00:00.000Z',
      ackDeadline: '2026-11-21T08:30:00.000Z',
      level: 0,
    });
    expect(reopened.instance?.data.acknowledgedAt).toBeUndefined();
  });

  // Gitea sends deliveries from up to 10 workers at once, so an /ack written before a reopen can
  // be handled after it; its response time to the new episode would be negative.
  it('an /ack written before the alert reopened does not acknowledge the new episode: refused, saying when it reopened', () => {
    const { instance } = openAlert();
    const resolved = command(instance, 'bob', '/resolve restarted the gateway', '2026-11-20T10:20:00.000Z');
    const reopened = reopen(resolved.instance, '2026-11-21T08:00:00.000Z');
    const early = command(reopened.instance, 'bob', '/ack', '2026-11-21T07:59:59.000Z');
    expect(early.instance?.state).toBe('open');
    expect(early.instance?.data.acknowledgedAt).toBeUndefined();
    expect(of(early.effects, 'recordAlert')).toEqual([]);
    expect(text(early.effects, 'reply')).toContain(
      'written before this alert opened (2026-11-21 08:00:00 UTC)',
    );
    const inTime = command(early.instance, 'bob', '/ack', '2026-11-21T08:00:00.000Z');
    expect(inTime.instance?.state).toBe('acknowledged');
    expect(text(inTime.effects, 'reply')).toContain('response time 0s');
  });

  it('a reopened alert keeps the severity a maintainer gave it, whatever labels the issue has', () => {
    const { instance } = openAlert();
    const lowered = command(instance, 'maint', '/severity warning', '2026-11-20T10:05:00.000Z', [
      'maintainer',
    ]);
    const resolved = command(lowered.instance, 'bob', '/resolve done', '2026-11-20T10:20:00.000Z');
    // The labels as Gitea has them (the bot's `severity/warning`) and as a rebuild sees them (none).
    for (const labels of [
      ['operator-alert', 'severity/warning'],
      ['operator-alert'],
      ['severity/critical'],
    ]) {
      const reopened = reopen(resolved.instance, '2026-11-21T08:00:00.000Z', labels);
      expect(reopened.instance?.data).toMatchObject({
        severity: 'warning',
        ackDeadline: '2026-11-21T12:00:00.000Z',
      });
    }
  });

  it('/severity warning moves the deadline to 4 h from the opening, and relabels', () => {
    const { instance } = openAlert();
    const changed = command(instance, 'maint', '/severity warning', '2026-11-20T10:05:00.000Z', [
      'maintainer',
    ]);
    expect(changed.instance?.data).toMatchObject({
      severity: 'warning',
      ackDeadline: '2026-11-20T14:00:00.000Z',
    });
    expect(of(changed.effects, 'setStateLabel')).toEqual([
      { type: 'setStateLabel', scope: 'severity', label: 'severity/warning' },
    ]);
    expect(of(changed.effects, 'scheduleTimer')).toEqual([
      expect.objectContaining({ name: 'ackDeadline', dueAt: '2026-11-20T14:00:00.000Z' }),
    ]);
    // The bonus is judged against the highest severity the alert ever had.
    expect(of(changed.effects, 'recordAlert')).toEqual([
      expect.objectContaining({
        alert: expect.objectContaining({ severity: 'warning', peakSeverity: 'critical' }),
      }),
    ]);
  });

  it('the responsible operator may not lower the severity (only maintainers change it)', () => {
    const { instance } = openAlert();
    const lowered = command(instance, 'bob', '/severity warning', '2026-11-20T10:05:00.000Z');
    expect(lowered.instance?.data).toMatchObject({ severity: 'critical' });
    expect(text(lowered.effects, 'reply')).toContain('only a maintainer may use this.');
  });

  it.each([['/severity'], ['/severity urgent']])('%s is refused with the fix', (body) => {
    const { instance } = openAlert();
    expect(text(command(instance, 'maint', body, OPENED, ['maintainer']).effects, 'reply')).toContain(
      '`/severity critical`',
    );
  });
});

// From INTERFACE.md: /ack, /resolve by the responsible operator or a maintainer; /severity by a maintainer (#14).
const PEOPLE: Record<string, Role[]> = { bob: [], maint: ['maintainer'], carol: [] };
const COMMANDS = [
  { body: '/ack', states: ['open', 'escalated'] },
  { body: '/resolve done', states: ['open', 'escalated', 'acknowledged'] },
  { body: '/severity warning', states: ['open', 'escalated', 'acknowledged'] },
];
const STATES = ['open', 'escalated', 'acknowledged', 'resolved'];
const cases = COMMANDS.flatMap((c) =>
  STATES.flatMap((state) =>
    Object.keys(PEOPLE).map((person) => ({
      ...c,
      state,
      person,
      allowed:
        (c.states.includes(state) &&
          (person === 'maint' || (person === 'bob' && !c.body.startsWith('/severity')))) ||
        // Acknowledged by nobody yet as the operator: the responsible operator's /ack is his response.
        (c.body === '/ack' && state === 'acknowledged' && person === 'bob'),
    })),
  ),
);

describe('alert: every command × state × role', () => {
  it.each(cases)('$body in $state by $person → allowed: $allowed', ({ body, state, person, allowed }) => {
    const opened = openAlert().instance as Instance;
    const instance = { ...opened, state };
    const roles: Role[] = [
      ...(PEOPLE[person] ?? []),
      ...(person === 'bob' ? (['responsible'] as Role[]) : []),
    ];
    const result = command(instance, person, body, '2026-11-20T10:10:00.000Z', roles);
    if (allowed) expect(result.instance?.version).toBe(instance.version + 1);
    else {
      expect(result.instance?.version).toBe(instance.version);
      expect(text(result.effects, 'reply')).toMatch(
        /only the responsible operator or a maintainer|only a maintainer|not possible|already acknowledged/,
      );
    }
  });
});

describe('alert: config', () => {
  it('takes its durations from the program config', () => {
    const config = parseProgramConfig('alerts:\n  ackWithin: { critical: 5m }\n');
    const opened = step(workflowNamed('alert', config), null, {
      event: botEvent({
        kind: 'issue.opened',
        at: OPENED,
        issue: { title: 'Gateway down', labels: ['operator-alert'], createdAt: OPENED },
      }),
      config,
    });
    expect(opened.instance?.data.ackDeadline).toBe('2026-11-20T10:05:00.000Z');
  });
});

// Gitea sends deliveries from several workers, and the catch-up brings a lost one late: Gitea's
// comment ids (one sequence) say which was written last.
describe('/severity handled out of the order it was written', () => {
  const warning = () =>
    openAlert({ title: 'Gateway slow on fsn1-node-2', labels: ['operator-alert', 'severity/warning'] })
      .instance;

  it("maint's later `/severity warning` stands over her earlier `/severity critical` handled after it", () => {
    const start = warning();
    expect(start?.data.severity).toBe('warning');
    const later = command(
      start,
      'maint',
      '/severity warning',
      '2026-11-20T10:06:00.000Z',
      ['maintainer'],
      5002,
    );
    expect(text(later.effects, 'reply')).toContain('the alert is already warning.');
    const earlier = command(
      later.instance,
      'maint',
      '/severity critical',
      '2026-11-20T10:05:00.000Z',
      ['maintainer'],
      5001,
    );
    expect(earlier.instance?.data.severity).toBe('warning');
    expect(of(earlier.effects, 'setStateLabel')).toEqual([]);
    expect(text(earlier.effects, 'reply')).toContain(
      "not applied: it was written before @maint's `/severity warning` (2026-11-20 10:06:00 UTC), which stands.",
    );
  });

  it('handled in the order written, each applies', () => {
    const first = command(
      warning(),
      'maint',
      '/severity critical',
      '2026-11-20T10:05:00.000Z',
      ['maintainer'],
      5001,
    );
    const second = command(
      first.instance,
      'maint2',
      '/severity warning',
      '2026-11-20T10:06:00.000Z',
      ['maintainer'],
      5002,
    );
    expect(first.instance?.data.severity).toBe('critical');
    expect(second.instance?.data.severity).toBe('warning');
    expect(second.instance?.data.peakSeverity).toBe('critical');
  });

  it("bob's `/severity warning`, refused by role, sets nothing: maint's earlier `/severity critical` handled after it applies", () => {
    const refused = command(
      warning(),
      'bob',
      '/severity warning',
      '2026-11-20T10:06:00.000Z',
      ['responsible'],
      5002,
    );
    expect(text(refused.effects, 'reply')).toContain('only a maintainer may use this.');
    const earlier = command(
      refused.instance,
      'maint',
      '/severity critical',
      '2026-11-20T10:05:00.000Z',
      ['maintainer'],
      5001,
    );
    expect(earlier.instance?.data.severity).toBe('critical');
  });
});

// PROGRAM.md "Alerts and escalation": the response time is open → the first acknowledgement by the
// responsible operator; only it counts for the critical-response bonus (domain/payroll/assemble.ts).
describe("the response time is the responsible operator's first /ack", () => {
  const recorded = (effects: Effect[]) =>
    (of(effects, 'recordAlert') as { alert: { acknowledgedBy?: string; acknowledgedAt?: string } }[])[0]
      ?.alert;

  it("bob's /ack after maint's (who stopped the escalation) is his response, not refused", () => {
    const maints = command(openAlert().instance, 'maint', '/ack', '2026-11-20T10:05:00.000Z', ['maintainer']);
    expect(maints.instance?.data.acknowledgedBy).toBe('maint');
    const bobs = command(maints.instance, 'bob', '/ack', '2026-11-20T10:10:00.000Z');
    expect(text(bobs.effects, 'reply')).toContain('acknowledged by @bob — response time 10m.');
    expect(bobs.instance?.data).toMatchObject({ acknowledgedBy: 'bob', responseMs: 600_000 });
    expect(recorded(bobs.effects)).toMatchObject({
      acknowledgedBy: 'bob',
      acknowledgedAt: '2026-11-20T10:10:00.000Z',
    });
  });

  it("bob's /ack of 10:05, its delivery late, handled after his /ack of 10:25: his response is 5 minutes", () => {
    const later = command(openAlert().instance, 'bob', '/ack', '2026-11-20T10:25:00.000Z');
    const earlier = command(later.instance, 'bob', '/ack', '2026-11-20T10:05:00.000Z');
    expect(earlier.instance?.data).toMatchObject({
      acknowledgedAt: '2026-11-20T10:05:00.000Z',
      responseMs: 300_000,
    });
    expect(recorded(earlier.effects)).toMatchObject({
      acknowledgedBy: 'bob',
      acknowledgedAt: '2026-11-20T10:05:00.000Z',
    });
  });

  it.each([
    [
      'bob again, later',
      'bob',
      ['responsible'],
      'already acknowledged by @bob (2026-11-20 10:05:00 UTC); nothing to change.',
    ],
    [
      'maint after bob',
      'maint',
      ['maintainer'],
      'already acknowledged by @bob (2026-11-20 10:05:00 UTC); nothing to change.',
    ],
    ['carol (no role)', 'carol', [], 'only the responsible operator or a maintainer'],
  ] as [string, string, Role[], string][])(
    '%s: refused, the response unchanged',
    (_, actor, roles, answer) => {
      const bobs = command(openAlert().instance, 'bob', '/ack', '2026-11-20T10:05:00.000Z');
      const again = command(bobs.instance, actor, '/ack', '2026-11-20T10:07:00.000Z', roles);
      expect(text(again.effects, 'reply')).toContain(answer);
      expect(again.instance?.data).toMatchObject({ acknowledgedBy: 'bob', responseMs: 300_000 });
      expect(of(again.effects, 'recordAlert')).toEqual([]);
    },
  );
});
