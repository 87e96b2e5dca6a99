import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../../src/config/program.js';
import type { OperatorRecord } from '../../../../src/domain/operator-record.js';
import { rotationReminders, rotationStatuses } from '../../../../src/domain/standards/rotation.js';
import { activeOperator } from '../../../support/workflows.js';

/*
 * Security Rules (seed-original.txt): "Rotate tokens every 90 days". The bot reminds from day 80
 * (`standards.rotationWarnDays`) and calls a rotation overdue after day 90 (`standards.rotationDays`);
 * activation counts as the first rotation.
 */
const config = defaultProgramConfig();
const DAY = 86_400_000;
const ACTIVATED = '2026-01-01T00:00:00.000Z';
const daysAfter = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();
const bob = activeOperator('bob', { activatedAt: ACTIVATED });

describe('Security Rules: rotate tokens every 90 days', () => {
  it.each([
    [79, []],
    [80, ['soon']],
    [90, ['soon']],
    [90.0001, ['overdue']],
    [200, ['overdue']],
  ])('%s days after the last rotation → %j', (days, stages) => {
    const statuses = rotationStatuses(daysAfter(ACTIVATED, days), [bob], {}, config);
    expect(statuses.map((s) => s.stage)).toEqual(stages);
  });

  it('a recorded rotation restarts the 90 days, whatever the case of the login', () => {
    const rotated = daysAfter(ACTIVATED, 85);
    const now = daysAfter(ACTIVATED, 100);
    expect(rotationStatuses(now, [bob], {}, config)).toHaveLength(1);
    expect(
      rotationStatuses(now, [activeOperator('Bob', { activatedAt: ACTIVATED })], { bob: rotated }, config),
    ).toEqual([]);
  });

  it.each([
    ['exiting', 1],
    ['exited', 0],
    ['terminated', 0],
  ] as const)('an operator who is %s is asked %i time(s)', (status, count) => {
    const record: OperatorRecord = { ...bob, status };
    expect(rotationStatuses(daysAfter(ACTIVATED, 95), [record], {}, config)).toHaveLength(count);
  });

  it('the due time is 90 days after the last rotation', () => {
    const [status] = rotationStatuses(daysAfter(ACTIVATED, 95), [bob], {}, config);
    expect(status).toMatchObject({ lastRotation: ACTIVATED, dueAt: '2026-04-01T00:00:00.000Z' });
  });

  it('property: nobody is listed before the warning day, everybody after the rotation days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), (days) => {
        const statuses = rotationStatuses(daysAfter(ACTIVATED, days), [bob], {}, config);
        if (days < config.standards.rotationWarnDays) expect(statuses).toEqual([]);
        else if (days > config.standards.rotationDays) expect(statuses[0]?.stage).toBe('overdue');
        else expect(statuses[0]?.stage).toBe('soon');
      }),
    );
  });
});

describe('the week’s rotation issue mentions each operator once per stage and rotation', () => {
  it('keys each note by login, stage and the day of the last rotation', () => {
    const now = '2026-04-05T08:00:00.000Z';
    const statuses = rotationStatuses(
      now,
      [bob, activeOperator('alice', { activatedAt: daysAfter(ACTIVATED, 10) })],
      {},
      config,
    );
    const reminders = rotationReminders(now, statuses, config);
    expect(reminders.key).toBe('credentials-2026-W14');
    expect(reminders.issue.title).toBe('Credential rotation 2026-W14');
    expect(reminders.notes.map((n) => n.key)).toEqual([
      'rotation-alice-soon-2026-01-11',
      'rotation-bob-overdue-2026-01-01',
    ]);
    expect(reminders.notes[1]?.body).toContain('overdue');
  });
});
