import type { RetryPolicy } from '../gitea/retry.js';
import { sendDiscord } from './discord.js';
import { type Channel, NotifyError, redactor } from './http.js';
import { type Notification, notificationSchema } from './message.js';
import { sendTelegram, type TelegramTarget } from './telegram.js';

/** The `escalation` part of the program config that concerns chat channels. */
export type NotifierConfig = {
  discordWebhookUrl?: string | undefined;
  telegram?: TelegramTarget | undefined;
};

export type NotifierOptions = { timeoutMs?: number; retry?: RetryPolicy };

export type NotifyResult = { channel: Channel; ok: boolean; error?: string };

export type Notifier = {
  /** The configured channels, in the order `notify` reports them. */
  channels: Channel[];
  /** Sends to every channel independently; never throws; `[]` when none is configured. */
  notify(n: Notification): Promise<NotifyResult[]>;
};

export function createNotifier(config: NotifierConfig, options: NotifierOptions = {}): Notifier {
  const senders: [Channel, (n: Notification) => Promise<void>][] = [];
  const { discordWebhookUrl, telegram } = config;
  if (discordWebhookUrl) senders.push(['discord', (n) => sendDiscord(discordWebhookUrl, n, options)]);
  if (telegram) senders.push(['telegram', (n) => sendTelegram(telegram, n, options)]);
  // Last line of defence for errors that are not a NotifyError (which is redacted already).
  const redact = redactor([discordWebhookUrl ?? '', telegram?.botToken ?? '']);

  return {
    channels: senders.map(([channel]) => channel),
    async notify(n) {
      const parsed = notificationSchema.safeParse(n);
      const issue = parsed.error?.issues[0];
      const invalid = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : '';
      return Promise.all(
        senders.map(async ([channel, send]): Promise<NotifyResult> => {
          if (!parsed.success) return { channel, ok: false, error: `invalid notification: ${invalid}` };
          try {
            await send(parsed.data);
            return { channel, ok: true };
          } catch (error) {
            const reason = error instanceof NotifyError ? error.reason : redact(String(error));
            return { channel, ok: false, error: reason };
          }
        }),
      );
    },
  };
}
