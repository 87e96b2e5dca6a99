/** `2026-11-20T10:05:00.000Z` → `2026-11-20 10:05 UTC`: absolute times people can read in any timezone. */
export const formatUtc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * `2026-11-20T10:05:42.000Z` → `2026-11-20 10:05:42 UTC`: for deadlines judged to the second
 * (an alert's acknowledgement), so "by 10:05" cannot be read as "10:05:59 is still in time".
 */
export const formatUtcSeconds = (iso: string) => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

/** A weekly time of the config (`reports.dueWeekly`): weekday 0 = Sunday, hour and minute in UTC. */
export type WeeklyAt = { weekday: number; hour: number; minute: number };

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `{ weekday: 1, hour: 9, minute: 0 }` → `Monday 09:00 UTC`. */
export const formatWeeklyAt = (at: WeeklyAt) =>
  `${WEEKDAY_NAMES[at.weekday] ?? '?'} ${pad(at.hour, 2)}:${pad(at.minute, 2)} UTC`;

/** `pad(7, 2)` → `07`: a number written with at least `width` digits. */
export const pad = (value: number, width: number): string => String(value).padStart(width, '0');
