/** `2026-11-20T10:05:00.000Z` → `2026-11-20 10:05 UTC`: absolute times people can read in any timezone. */
export const formatUtc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * `2026-11-20T10:05:42.000Z` → `2026-11-20 10:05:42 UTC`: for deadlines judged to the second
 * (an alert's acknowledgement), so "by 10:05" cannot be read as "10:05:59 is still in time".
 */
export const formatUtcSeconds = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

/**
 * The one duration format of every text the bot writes: 1_799_000 → `29m 59s`; 14_400_000 → `4h`;
 * 93_600_000 → `1d 2h`; 0 → `0s`. Milliseconds in, whole seconds shown (rounded down).
 */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const parts: [number, string][] = [
    [Math.floor(seconds / 86_400), 'd'],
    [Math.floor((seconds % 86_400) / 3_600), 'h'],
    [Math.floor((seconds % 3_600) / 60), 'm'],
    [seconds % 60, 's'],
  ];
  const shown = parts.filter(([value]) => value > 0).map(([value, unit]) => `${value}${unit}`);
  return shown.length > 0 ? shown.join(' ') : '0s';
}

export const addMs = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

/** A weekly time of the config (`reports.dueWeekly`): weekday 0 = Sunday, hour and minute in UTC. */
export type WeeklyAt = { weekday: number; hour: number; minute: number };

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `{ weekday: 1, hour: 9, minute: 0 }` → `Monday 09:00 UTC`. */
export const formatWeeklyAt = (at: WeeklyAt) =>
  `${WEEKDAY_NAMES[at.weekday] ?? '?'} ${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')} UTC`;
