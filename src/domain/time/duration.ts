/**
 * Durations as people read them. Two forms, each with its own readers:
 * - `formatDuration`, every comment and reply the bot writes (`29m 59s`): exact to the second,
 *   so an acknowledgement 1 s late never reads as "30m";
 * - `proseDuration`, the issue forms' sentences (`within 30 minutes`), which `init` rewrites
 *   from the program config (src/install/forms.ts).
 */

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

/**
 * `30 minutes`, `4 hours`, `7 days`: a duration in the largest unit that divides it, for the
 * issue forms' sentences. Milliseconds in; a duration under a second, or not a whole number of
 * seconds, is rounded to seconds.
 */
export function proseDuration(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  const [size, unit] = units.find(([step]) => ms % step === 0 && ms >= step) ?? [1_000, 'second'];
  const count = Math.round(ms / size);
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}
