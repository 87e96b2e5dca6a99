import {
  deliver,
  excerpt,
  HttpFailure,
  NotifyError,
  postJson,
  readBody,
  redactor,
  type SendOptions,
} from './http.js';
import { headline, type Notification } from './message.js';
import { truncate } from './text.js';

/** Discord's limits for an execute-webhook message. */
export const DISCORD_LIMITS = { content: 2000, embedTitle: 256, embedDescription: 4096 } as const;

const COLOR: Record<Notification['severity'], number> = { critical: 0xd73a4a, warning: 0xfbca04 };

export type DiscordPayload = {
  content: string;
  embeds: { title: string; description: string; url?: string; color: number }[];
  allowed_mentions: { parse: never[] };
};

/** The execute-webhook body: a one-line summary plus an embed; mentions never ping anyone. */
export function discordPayload(n: Notification): DiscordPayload {
  return {
    content: truncate(`**${headline(n)}** — ${n.title}`, DISCORD_LIMITS.content),
    embeds: [
      {
        title: truncate(n.title, DISCORD_LIMITS.embedTitle),
        description: truncate(n.text, DISCORD_LIMITS.embedDescription),
        ...(n.url ? { url: n.url } : {}),
        color: COLOR[n.severity],
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

/**
 * Posts `n` to a Discord webhook; 200/204 is success. Retries network errors, timeouts, 5xx and
 * 429 (waiting the body's `retry_after` or the `Retry-After` header). Throws a `NotifyError` that
 * never contains the webhook's token.
 */
export async function sendDiscord(
  webhookUrl: string,
  n: Notification,
  options: SendOptions = {},
): Promise<void> {
  const token = /\/webhooks\/[^/]+\/([^/?#]+)/.exec(webhookUrl)?.[1];
  const redact = redactor([token ?? webhookUrl]);
  const url = URL.parse(webhookUrl);
  if (url?.protocol !== 'https:') {
    throw new NotifyError('discord', redact('the webhook URL is not an https URL'), 0);
  }
  const payload = discordPayload(n);
  await deliver('discord', options, redact, async (signal) => {
    const response = await postJson(url, payload, signal);
    if (response.ok) {
      await response.body?.cancel();
      return;
    }
    const { json, text } = await readBody(response);
    const body = (typeof json === 'object' && json !== null ? json : {}) as {
      message?: unknown;
      code?: unknown;
      retry_after?: unknown;
    };
    const retryAfter =
      typeof body.retry_after === 'number' && Number.isFinite(body.retry_after) && body.retry_after >= 0
        ? String(body.retry_after)
        : (response.headers.get('retry-after') ?? undefined);
    const detail =
      typeof body.message === 'string'
        ? `${body.message}${typeof body.code === 'number' ? ` (code ${body.code})` : ''}`
        : excerpt(text || response.statusText);
    throw new HttpFailure(response.status, detail, retryAfter);
  });
}
