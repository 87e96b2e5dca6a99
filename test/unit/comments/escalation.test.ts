import { describe, expect, it } from 'vitest';
import { programConfigSchema } from '../../../src/config/program.js';
import type { Effect } from '../../../src/engine/effects.js';
import type { Instance } from '../../../src/engine/instance.js';
import { botEvent } from '../../support/events.js';
import { activeOperator, step, workflowNamed } from '../../support/workflows.js';

/** Issue #18, "Stop when it is enough": an unacknowledged alert escalates a bounded number of times. */
const config = programConfigSchema.parse({
  escalation: { contacts: ['oncall'] },
  maintainers: { users: ['maint'] },
});
const alert = workflowNamed('alert', config);
const OPENED = '2026-11-20T10:00:00.000Z';
type Timer = Extract<Effect, { type: 'scheduleTimer' }>;
const statusOf = (effects: Effect[]) =>
  (effects.find((e) => e.type === 'upsertStatusComment') as { body: string } | undefined)?.body;

/** Opens a critical alert and fires every timer it schedules, in time order, until none is left. */
function unattended() {
  const opened = step(alert, null, {
    event: botEvent({
      kind: 'issue.opened',
      actor: 'bob',
      at: OPENED,
      issue: { title: 'Gateway down', labels: ['operator-alert'], createdAt: OPENED, assignees: ['bob'] },
    }),
    facts: { author: activeOperator('bob') },
    config,
  });
  let instance = opened.instance as Instance;
  const pending: Timer[] = opened.effects.filter((e): e is Timer => e.type === 'scheduleTimer');
  const comments: string[] = [];
  const statuses: string[] = [];
  for (let fired = 0; pending.length > 0 && fired < 100; fired++) {
    pending.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    const timer = pending.shift() as Timer;
    const { instance: next, effects } = step(alert, instance, {
      event: botEvent({
        kind: 'timer.fired',
        actor: 'operator-bot',
        at: timer.dueAt,
        issue: { labels: ['operator-alert'], assignees: ['bob'] },
        timer: {
          workflow: 'alert',
          name: timer.name,
          forState: timer.forState,
          forVersion: timer.forVersion,
        },
      }),
    });
    instance = next as Instance;
    comments.push(...effects.filter((e) => e.type === 'postNote').map((e) => (e as { body: string }).body));
    const status = statusOf(effects);
    if (status) statuses.push(status);
    pending.push(...effects.filter((e): e is Timer => e.type === 'scheduleTimer'));
  }
  return { instance, comments, statuses, pending };
}

describe('an unacknowledged alert', () => {
  it('escalates through alerts.escalationLevels, then reminds once a day, then stops at the termination review', () => {
    const { comments, pending } = unattended();
    const levels = comments.filter((c) => c.startsWith('🚨'));
    expect(levels).toHaveLength(config.alerts.escalationLevels);
    expect(levels.at(-1)).toContain(
      'This is the last level; then one reminder every 1d, and a termination review is proposed at 2026-11-23 10:00:00 UTC.',
    );
    const reminders = comments.filter((c) => c.startsWith('⏰'));
    // 72 h at one a day after the last level: at most 3, each saying when the review comes.
    expect(reminders.length).toBeGreaterThan(0);
    expect(reminders.length).toBeLessThanOrEqual(3);
    for (const reminder of reminders)
      expect(reminder).toContain('termination review is proposed at 2026-11-23 10:00:00 UTC');
    expect(comments.filter((c) => c.includes('termination review was proposed'))).toHaveLength(1);
    // About 144 comments before; now a handful, and nothing left scheduled.
    expect(comments.length).toBeLessThanOrEqual(config.alerts.escalationLevels + 4);
    expect(pending).toEqual([]);
  });

  it('after the deadline, the Next line no longer says "acknowledge by"; it says what comes next', () => {
    const { statuses } = unattended();
    const escalated = statuses[0] ?? '';
    expect(escalated).toContain(
      'acknowledges now with `/ack` — the deadline passed at 2026-11-20 10:30:00 UTC',
    );
    expect(escalated).toContain('escalation level 2 at 2026-11-20 11:00:00 UTC');
    expect(escalated).not.toMatch(/acknowledges? with `\/ack` by/);
  });

  it('once resolved, the status says the level it reached, not "again every … until acknowledged"', () => {
    const { instance } = unattended();
    const resolved = step(alert, instance, {
      event: botEvent({
        kind: 'comment.created',
        actor: 'bob',
        at: '2026-11-24T10:00:00.000Z',
        issue: { labels: ['operator-alert'], assignees: ['bob'] },
        comment: { id: 77, body: '/resolve rebooted', createdAt: '2026-11-24T10:00:00.000Z' },
      }),
      roles: ['responsible'],
      config,
    });
    const status = statusOf(resolved.effects) ?? '';
    expect(resolved.instance?.state).toBe('resolved');
    expect(status).toContain('- **Escalated:** reached level 3 of 3; @oncall @maint called');
    expect(status).not.toMatch(/until acknowledged|\*\*Next:\*\*/);
  });
});
