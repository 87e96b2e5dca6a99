import { describe, expect, it } from 'vitest';
import { reminderKey } from '../../../src/domain/reports/weekly-reminder.js';
import type { ScheduleJobData } from '../../../src/schedules/runner.js';
import { createReminderRefresher } from '../../../src/worker/refresh-reminder.js';

/** The refresher over a program repo holding the reminder issues of `opened` weeks. */
function refresherWith(opened: string[]) {
  const runs: ScheduleJobData[] = [];
  const keys = new Set(opened.map(reminderKey));
  const refresh = createReminderRefresher({
    programIssues: { exists: async (key) => keys.has(key) },
    runSchedule: async (job) => {
      runs.push(job);
    },
  });
  return { refresh, runs };
}

describe('a stored report refreshes its week’s reminder issue', () => {
  it.each([
    { name: 'the week’s reminder is open: it runs again for that week', opened: ['2026-W47'], runs: 1 },
    { name: 'no reminder for that week: none is opened', opened: ['2026-W46'], runs: 0 },
    { name: 'no reminder at all: nothing runs', opened: [], runs: 0 },
  ])('$name', async ({ opened, runs: expected }) => {
    const { refresh, runs } = refresherWith(opened);
    await refresh('2026-W47');
    expect(runs).toEqual(Array(expected).fill({ schedule: 'weeklyReminder', week: '2026-W47' }));
  });
});
