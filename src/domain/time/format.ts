/** `2026-11-20T10:05:00.000Z` → `2026-11-20 10:05 UTC`: absolute times people can read in any timezone. */
export const formatUtc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** 1_799_000 → `29m 59s`; 14_400_000 → `4h`; 93_600_000 → `1d 2h`. */
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
