import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROGRAM_COMMANDS } from '../../../src/commands/program.js';
import { defaultProgramConfig, programConfigSchema } from '../../../src/config/program.js';
import { weeklyReminder } from '../../../src/domain/reports/weekly-reminder.js';
import { rotationReminders } from '../../../src/domain/standards/rotation.js';
import { botEvent } from '../../support/events.js';
import { activeOperator, instanceIn, step, templates, workflowNamed } from '../../support/workflows.js';

/**
 * Every number a text says that the config defines comes from the config (issue #18, "Follow the
 * config"): rendered with values other than the defaults, the texts say those values and never
 * the defaults.
 */
const config = programConfigSchema.parse({
  reports: { dueWeekly: 'WED 17:30' },
  alerts: { ackWithin: { critical: '45m', warning: '6h' }, unresponsiveAfter: '96h', escalationLevels: 2 },
  onboarding: { reapplyAfter: '9mo' },
  standards: { rotationDays: 60, pingResponse: '12h' },
  partners: { months: 18 },
});

describe('no template holds a number the config defines', () => {
  it.each(
    readdirSync(new URL('../../../templates/', import.meta.url)).filter((f) => f.endsWith('.mustache')),
  )('%s has no digit outside its code examples', (file) => {
    const text = readFileSync(new URL(`../../../templates/${file}`, import.meta.url), 'utf8');
    expect(text.replace(/`[^`\n]*`/g, '')).not.toMatch(/\d/);
  });
});

describe('texts say the configured numbers, not the defaults', () => {
  it('the weekly reminder is due when reports.dueWeekly says', () => {
    const reminder = weeklyReminder(
      new Date('2026-11-23T17:30:00Z'),
      [activeOperator('bob')],
      new Map(),
      templates.render,
      false,
      config,
    );
    expect(reminder.issue?.body).toContain('(due Wednesday 17:30 UTC)');
    expect(reminder.issue?.body).not.toContain('Monday 09:00');
  });

  it('the alert says alerts.ackWithin, and its escalation alerts.unresponsiveAfter and escalationLevels', () => {
    const alert = workflowNamed('alert', config);
    const opened = step(alert, null, {
      event: botEvent({
        kind: 'issue.opened',
        actor: 'bob',
        at: '2026-11-20T10:00:00.000Z',
        issue: {
          title: 'Gateway down',
          labels: ['operator-alert'],
          createdAt: '2026-11-20T10:00:00.000Z',
          assignees: ['bob'],
        },
      }),
      config,
      facts: { author: activeOperator('bob') },
    });
    const status = (opened.effects.find((e) => e.type === 'upsertStatusComment') as { body: string }).body;
    expect(status).toContain('by **2026-11-20 10:45:00 UTC** (45m for a critical alert)');
    expect(status).not.toContain('30m');
    const escalated = step(alert, opened.instance, {
      event: botEvent({
        kind: 'timer.fired',
        actor: 'operator-bot',
        at: '2026-11-20T10:45:00.000Z',
        timer: {
          workflow: 'alert',
          name: 'ackDeadline',
          forState: 'open',
          forVersion: opened.instance?.version ?? 0,
        },
      }),
      config,
    });
    const note = (escalated.effects.find((e) => e.type === 'postNote') as { body: string }).body;
    expect(note).toContain('Escalation level 1 of 2');
    expect(note).toContain('Level 2 of 2 at 2026-11-20 11:15:00 UTC.');
    const last = step(alert, escalated.instance, {
      event: botEvent({
        kind: 'timer.fired',
        actor: 'operator-bot',
        at: '2026-11-20T11:15:00.000Z',
        timer: {
          workflow: 'alert',
          name: 'escalation',
          forState: 'escalated',
          forVersion: escalated.instance?.version ?? 0,
        },
      }),
      config,
    });
    const lastNote = (last.effects.find((e) => e.type === 'postNote') as { body: string }).body;
    // 96h after opening, not 72h.
    expect(lastNote).toContain('a termination review is proposed at 2026-11-24 10:00:00 UTC');
  });

  it('an unresponsive alert’s termination reason says alerts.unresponsiveAfter', () => {
    const alert = workflowNamed('alert', config);
    const escalated = instanceIn('alert', 'escalated', {
      severity: 'critical',
      because: 'form',
      responsible: 'bob',
      openedAt: '2026-11-20T10:00:00.000Z',
      ackDeadline: '2026-11-20T10:45:00.000Z',
      level: 2,
      timers: { unresponsive: 3 },
    });
    const { effects } = step(alert, escalated, {
      event: botEvent({
        kind: 'timer.fired',
        actor: 'operator-bot',
        at: '2026-11-24T10:00:00.000Z',
        timer: { workflow: 'alert', name: 'unresponsive', forState: 'escalated', forVersion: 3 },
      }),
      config,
    });
    const all = JSON.stringify(effects);
    expect(all).toContain('not acknowledged for 4d');
    expect(all).not.toMatch(/72 ?h/);
  });

  it('a proposed termination says onboarding.reapplyAfter', () => {
    const view = workflowNamed('exit', config).statusView(
      instanceIn('exit', 'proposed', {
        kind: 'termination',
        operator: 'bob',
        openedAt: '2026-11-20T10:00:00.000Z',
      }),
      config,
    );
    const body = templates.render('exit-status', view);
    expect(body).toContain('re-application possible after 9 months');
    expect(body).not.toContain('6 months');
  });

  it('credential rotation and /help say standards.rotationDays and standards.pingResponse', () => {
    const { issue } = rotationReminders(
      '2026-11-23T09:00:00.000Z',
      [
        {
          login: 'bob',
          lastRotation: '2026-09-01T00:00:00.000Z',
          dueAt: '2026-10-31T00:00:00.000Z',
          stage: 'overdue',
        },
      ],
      config,
    );
    expect(issue.body).toContain('rotated every 60 days');
    expect(issue.body).not.toContain('90');
    expect(issue.body).toContain('\n- @bob — last rotation');
    const help = PROGRAM_COMMANDS.find((c) => c.name === 'help');
    const reply = help?.run({
      event: botEvent({ kind: 'comment.created' }),
      command: { name: 'help', args: [], rest: '', raw: '/help' },
      config,
      facts: { otherOpenIssues: [], mentioned: {}, actorReportWeeks: {} },
      roles: new Set(['anyone', 'operator', 'maintainer']),
    });
    const text = typeof reply === 'string' ? reply : (reply?.reply ?? '');
    expect(text).toContain('(due every 60 days)');
    expect(text).toContain('within 12h');
    expect(text).not.toMatch(/90 days|24 hours|\{/);
  });

  it('with the defaults, the same texts say the default numbers', () => {
    const defaults = defaultProgramConfig();
    const reminder = weeklyReminder(
      new Date('2026-11-23T09:00:00Z'),
      [activeOperator('bob')],
      new Map(),
      templates.render,
      false,
      defaults,
    );
    expect(reminder.issue?.body).toContain('(due Monday 09:00 UTC)');
  });
});
