import { z } from 'zod';
import { calendarMonths, durationMs } from './duration.js';

const percent = z.number().min(0).max(100);

/** Circle's native USDC contracts (check them against circle.com before paying; override in the config). */
const USDC_ADDRESSES: Record<string, string> = {
  ethereum: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
  base: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
  polygon: '0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359',
  arbitrum: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831',
  optimism: '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85',
};
const cents = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const login = z.string().min(1);

/** One section with defaults: every key optional, unknown keys rejected. */
const section = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape).prefault({} as never);

const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const weeklyAt = z.string().transform((text, ctx) => {
  const match = /^(SUN|MON|TUE|WED|THU|FRI|SAT)\s+([01]\d|2[0-3]):([0-5]\d)$/i.exec(text.trim());
  if (!match) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a weekly time; write e.g. "MON 09:00" (UTC)` });
    return z.NEVER;
  }
  const weekday = WEEKDAYS.indexOf((match[1] as string).toUpperCase() as (typeof WEEKDAYS)[number]);
  return { weekday, hour: Number(match[2]), minute: Number(match[3]) };
});

export const programConfigSchema = z.strictObject({
  maintainers: section({
    users: z.array(login).default([]),
    teams: z.array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'write teams as "org/team"')).default([]),
  }),
  /** The program's own name, in forms and comments (no foundation is built in). */
  program: section({
    name: z.string().min(1).default('Fleet Operator Program'),
    /**
     * Repositories ("owner/repo") besides PROGRAM_REPO where alerts, exits, applications and
     * program commands count; in any other repository the bot ignores them.
     */
    repos: z.array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'write repos as "owner/repo"')).default([]),
  }),
  escalation: section({
    /** Gitea users mentioned when an alert escalates; none by default (init writes the repo's admins). */
    contacts: z.array(login).default([]),
    discordWebhookUrl: z.url().optional(),
    telegram: z.strictObject({ botToken: z.string().min(1), chatId: z.string().min(1) }).optional(),
  }),
  alerts: section({
    ackWithin: section({
      critical: durationMs.default(30 * 60_000),
      warning: durationMs.default(4 * 3_600_000),
    }),
    escalateEvery: durationMs.default(30 * 60_000),
    /** Escalation levels (one 🚨 comment and chat message each, `escalateEvery` apart); then `remindEvery`. */
    escalationLevels: count.min(1).default(3),
    /** After the last escalation level: one reminder this often until acknowledged or `unresponsiveAfter`. */
    remindEvery: durationMs.default(86_400_000),
    unresponsiveAfter: durationMs.default(72 * 3_600_000),
  }),
  onboarding: section({
    modules: count.min(1).default(5),
    quizPassPercent: percent.default(80),
    shadowPeriod: durationMs.default(7 * 86_400_000),
    testFleetNodes: count.default(2),
    requiredTasks: count.default(10),
    minHardware: section({
      vcpu: z.number().positive().default(2),
      ramGb: z.number().positive().default(4),
      diskGb: z.number().positive().default(50),
    }),
    maxNodes: count.min(1).default(10),
    reapplyAfter: calendarMonths.default(6),
  }),
  exit: section({
    noticePeriod: durationMs.default(30 * 86_400_000),
    paymentWithin: durationMs.default(7 * 86_400_000),
    /** Involuntary-termination trigger: uptime below this for `lowUptimeMonths` consecutive months. */
    lowUptimePercent: percent.default(97),
    lowUptimeMonths: count.min(1).default(3),
  }),
  reports: section({
    dueWeekly: weeklyAt.default({ weekday: 1, hour: 9, minute: 0 }),
  }),
  payroll: section({
    openOnDay: z.number().int().min(1).max(28).default(1),
    /** The stablecoin payments are made in; its contract per EVM chain for the Safe CSV airdrop. */
    token: z.string().min(1).default('USDC'),
    tokenAddresses: z.record(z.string(), z.string().regex(/^0x[0-9a-fA-F]{40}$/)).default(USDC_ADDRESSES),
    /** Days after the month's end by which the payroll should be approved (bonuses are due then). */
    approveWithinDays: z.number().int().positive().default(7),
    approvalsRequired: count.min(1).default(2),
    /**
     * `/adjust` ceilings, in cents: an adjustment above `singleMaxCents`, or one that takes the sum
     * of a line's adjustments above `lineMaxCents` (either sign), waits for a second, distinct
     * maintainer's `/adjust confirm N` (issue #15).
     */
    adjustments: section({
      singleMaxCents: cents.default(50_000),
      lineMaxCents: cents.default(100_000),
    }),
    baseCents: cents.default(15_000),
    includedNodes: count.default(5),
    extraNodeCents: cents.default(2_500),
    bonuses: section({
      uptimeCents: cents.default(5_000),
      completionCents: cents.default(3_000),
      responseCents: cents.default(2_000),
      retentionCents: cents.default(10_000),
    }),
    thresholds: section({
      uptimePercent: percent.default(99.5),
      completionPercent: percent.default(95),
      responseWithin: durationMs.default(30 * 60_000),
      retentionMonths: count.default(6),
    }),
  }),
  standards: section({
    /** Tokens are rotated every `rotationDays`; a reminder comes at `rotationWarnDays`. */
    rotationDays: count.min(1).default(90),
    rotationWarnDays: count.min(1).default(80),
    /** A maintainer's `/ping` is answered within this. */
    pingResponse: durationMs.default(24 * 3_600_000),
  }),
  bot: section({
    /**
     * Where the bot's own files can be downloaded raw (no trailing slash): operators are linked to
     * `scripts/fleet-metrics.sh` under it. Point it at your fork or a release; unset, the new
     * operator is told to ask a maintainer for the script (no one's repository is assumed).
     */
    rawUrl: z
      .url()
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  }),
  quality: section({
    /** Repositories ("owner/repo") whose pull requests get the quality checks; none: off. */
    repos: z.array(z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'write repos as "owner/repo"')).default([]),
  }),
  /** Reading Gitea for what no delivery brought (Gitea never retries a delivery). */
  catchUp: section({
    /** How often each watched repo is read (and once at start-up). */
    every: durationMs.default(5 * 60_000),
    /** How far back the first run reaches, when no cursor is stored yet. */
    firstLookback: durationMs.default(24 * 3_600_000),
  }),
  /** The targets of PROGRAM.md "Program health", measured in the monthly program report. */
  health: section({
    /** Active certified operators at the month's end, both bounds included. */
    activeOperators: z
      .strictObject({ min: count.default(3), max: count.default(5) })
      .refine((range) => range.min <= range.max, { message: 'write a max at least min', path: ['max'] })
      .prefault({}),
    /** Trailing-12-month churn must stay strictly below this percentage. */
    churnBelowPercent: percent.default(10),
    /** Fleet uptime must be strictly above this percentage. */
    uptimeAbovePercent: percent.default(99.5),
    /** Referred applicants must be strictly more than this share (percent) of the month's applicants. */
    partnerShareAbovePercent: percent.default(30),
    /** Succession: every region should have at least this many active operators. */
    minOperatorsPerRegion: count.min(1).default(2),
    /** Each operator should have mentored a junior after this many full months of tenure. */
    menteeWithinMonths: count.default(6),
  }),
  partners: section({
    commissionPercent: percent.default(20),
    months: count.default(12),
    minReferrals: count.default(2),
    minTenureMonths: count.default(3),
    minUptimePercent: percent.default(99),
    reportDueDay: z.number().int().min(1).max(28).default(5),
  }),
});

export type ProgramConfig = z.output<typeof programConfigSchema>;

export const defaultProgramConfig = (): ProgramConfig => programConfigSchema.parse({});
