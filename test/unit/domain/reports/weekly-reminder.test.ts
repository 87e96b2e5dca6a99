import { describe, expect, it } from 'vitest';
import { defaultProgramConfig } from '../../../../src/config/program.js';
import type { OperatorRecord } from '../../../../src/domain/operator-record.js';
import { reminderKey, weeklyReminder } from '../../../../src/domain/reports/weekly-reminder.js';
import { activeOperator, templates } from '../../../support/workflows.js';

/*
 * PROGRAM.md, "Weekly metrics and /report": due Monday 09:00 UTC for the previous ISO week; the
 * bot reminds those who have not reported. Monday 2026-11-23 is in 2026-W48, so it reminds of W47
 * (2026-11-16 to 2026-11-22).
 */
const config = defaultProgramConfig();
const MONDAY = new Date('2026-11-23T09:00:00.000Z');
const reminder = (
  operators: OperatorRecord[],
  reported: Record<string, string[]> = {},
  alreadyOpened = false,
) =>
  weeklyReminder(
    MONDAY,
    operators,
    new Map(Object.entries(reported).map(([login, weeks]) => [login, new Set(weeks)])),
    templates.render,
    alreadyOpened,
    config,
  );

describe('PROGRAM.md "Weekly metrics": the bot reminds those who have not reported the previous week', () => {
  it('is about the ISO week before now, one issue per week', () => {
    const result = reminder([activeOperator('bob')]);
    expect(result.week).toBe('2026-W47');
    expect(result.key).toBe(reminderKey('2026-W47'));
    expect(result.issue?.title).toBe('Weekly reports 2026-W47');
  });

  it.each([
    ['an active operator who did not report', activeOperator('bob'), ['bob']],
    ['an operator in their notice period', activeOperator('bob', { status: 'exiting' }), ['bob']],
    ['an operator who left', activeOperator('bob', { status: 'exited' }), []],
    [
      'an operator activated after the week ended',
      activeOperator('bob', { activatedAt: '2026-11-23T00:00:00.000Z' }),
      [],
    ],
    [
      'an operator activated during the week',
      activeOperator('bob', { activatedAt: '2026-11-20T00:00:00.000Z' }),
      ['bob'],
    ],
  ])('%s → missing %j', (_case, operator, missing) => {
    expect(reminder([operator]).missing).toEqual(missing);
  });

  it('a report for the week, under any case of the login, takes the operator off the list', () => {
    const result = reminder([activeOperator('Bob'), activeOperator('alice')], {
      bob: ['2026-W47'],
      alice: ['2026-W46'],
    });
    expect(result.missing).toEqual(['alice']);
    expect(result.issue?.body).toContain('@alice');
    expect(result.issue?.body).not.toContain('@Bob');
  });

  it('everyone reported: no issue is opened, and an issue opened earlier is closed', () => {
    const everyone = [activeOperator('bob')];
    expect(reminder(everyone, { bob: ['2026-W47'] }).issue).toBeUndefined();
    expect(reminder(everyone, { bob: ['2026-W47'] }, true).issue?.state).toBe('closed');
  });
});
