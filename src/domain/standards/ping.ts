import { z } from 'zod';

/** A maintainer's `/ping @op`: asked in an issue, answered by any comment of the operator there, or missed. */
export const pingSchema = z.object({
  id: z.number().int(),
  issue: z.string(),
  login: z.string(),
  by: z.string(),
  askedAt: z.string(),
  dueAt: z.string(),
  answeredAt: z.string().optional(),
  responseMs: z.number().int().nonnegative().optional(),
  missed: z.boolean().default(false),
});

export type Ping = z.output<typeof pingSchema>;

/** One operator's pings of a month: asked, answered in time, missed — for the payroll line. */
export type PingSummary = { login: string; asked: number; answered: number; missed: number };

export function summarizePings(pings: readonly Ping[]): PingSummary[] {
  const byLogin = new Map<string, PingSummary>();
  for (const ping of pings) {
    const key = ping.login.toLowerCase();
    const summary = byLogin.get(key) ?? { login: ping.login, asked: 0, answered: 0, missed: 0 };
    summary.asked += 1;
    if (ping.answeredAt && !ping.missed) summary.answered += 1;
    if (ping.missed) summary.missed += 1;
    byLogin.set(key, summary);
  }
  return [...byLogin.values()];
}
