import { z } from 'zod';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+(?:\.\d+)?)(s|m|h|d)$/;
const MONTHS = /^(\d+)mo$/;

/** `90s`, `30m`, `4h`, `7d` → milliseconds. */
export function parseDurationMs(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]);
}

export const durationMs = z
  .string({ error: 'write a duration as text, e.g. 90s, 30m, 4h or 7d (a bare number has no unit)' })
  .transform((text, ctx) => {
    const ms = parseDurationMs(text);
    if (ms === undefined || ms <= 0) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a duration; write e.g. 90s, 30m, 4h or 7d` });
      return z.NEVER;
    }
    return ms;
  });

/** `6mo` → 6 (calendar months). */
export const calendarMonths = z
  .string({ error: 'write a number of months as text, e.g. 6mo' })
  .transform((text, ctx) => {
    const match = MONTHS.exec(text.trim());
    if (!match) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a number of months; write e.g. 6mo` });
      return z.NEVER;
    }
    return Number(match[1]);
  });
