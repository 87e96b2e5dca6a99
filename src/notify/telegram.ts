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
import { fitParts, truncate } from './text.js';

export const TELEGRAM_API = 'https://api.telegram.org';
/** Telegram's limit for a message's text. */
export const TELEGRAM_TEXT_LIMIT = 4096;
const TITLE_LIMIT = 256;

export type TelegramTarget = { botToken: string; chatId: string };

/** Plain text (no parse_mode, so nothing to escape): headline, title, text, then the link. */
export function telegramText(n: Notification): string {
  const head = `${headline(n)}\n${truncate(n.title, TITLE_LIMIT)}`;
  const body = n.text ? `\n\n${n.text}` : '';
  const tail = n.url ? `\n\n${n.url}` : '';
  return fitParts(head, body, tail, TELEGRAM_TEXT_LIMIT);
}

export function telegramPayload(chatId: string, n: Notification) {
  return { chat_id: chatId, text: telegramText(n), disable_web_page_preview: true };
}

type TelegramAnswer = {
  ok?: unknown;
  error_code?: unknown;
  description?: unknown;
  parameters?: { retry_after?: unknown };
};

/**
 * Sends `n` with the Bot API's sendMessage; `{ ok: true }` is success. Retries network errors,
 * timeouts, 5xx and 429 (waiting `parameters.retry_after`). The bot token is part of the URL: the
 * `NotifyError` thrown shows it as `bot[redacted]` and nothing else thrown carries it.
 */
export async function sendTelegram(
  { botToken, chatId }: TelegramTarget,
  n: Notification,
  options: SendOptions = {},
): Promise<void> {
  // The half after the colon is the secret proper; redact it on its own too (unless too short to be safe).
  const secret = botToken.slice(botToken.indexOf(':') + 1);
  const redact = redactor(secret.length >= 8 ? [botToken, secret] : [botToken]);
  if (!/^[\w:-]+$/.test(botToken)) {
    throw new NotifyError('telegram', 'the bot token is malformed (expected "<id>:<secret>")', 0);
  }
  const url = new URL(`${TELEGRAM_API}/bot${botToken}/sendMessage`);
  const payload = telegramPayload(chatId, n);
  await deliver('telegram', options, redact, async (signal) => {
    const response = await postJson(url, payload, signal);
    const { json, text } = await readBody(response);
    const answer = (typeof json === 'object' && json !== null ? json : {}) as TelegramAnswer;
    if (response.ok && answer.ok === true) return;
    const retryAfter = answer.parameters?.retry_after;
    const status =
      typeof answer.error_code === 'number' && answer.error_code >= 400 ? answer.error_code : response.status;
    const detail =
      typeof answer.description === 'string'
        ? answer.description
        : response.ok
          ? `unexpected answer: ${excerpt(text) || '(empty)'}`
          : excerpt(text || response.statusText);
    throw new HttpFailure(
      status,
      detail,
      typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0
        ? String(retryAfter)
        : (response.headers.get('retry-after') ?? undefined),
    );
  });
}
