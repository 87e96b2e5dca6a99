import { z } from 'zod';

/** What an escalation tells the chat channels; each channel renders it within its own limits. */
export const notificationSchema = z.strictObject({
  title: z.string().min(1),
  /** Markdown-ish plain text; Telegram shows it verbatim, Discord renders its markdown. */
  text: z.string(),
  /** Link to the Gitea issue. */
  url: z.url().optional(),
  severity: z.enum(['critical', 'warning']),
  /** Escalation level (how many times the alert has been escalated). */
  level: z.number().int().nonnegative(),
});

export type Notification = z.infer<typeof notificationSchema>;

export const SEVERITY_LABEL: Record<Notification['severity'], string> = {
  critical: '🔴 CRITICAL',
  warning: '🟠 WARNING',
};

/** One line naming severity and level, shared by every channel. */
export const headline = (n: Notification): string =>
  `${SEVERITY_LABEL[n.severity]} · escalation level ${n.level}`;
