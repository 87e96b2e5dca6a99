export { createWorkerNotifier, WORKER_NOTIFY_OPTIONS } from './chat.js';
export { DISCORD_LIMITS, type DiscordPayload, discordPayload, sendDiscord } from './discord.js';
export { type Channel, DEFAULT_RETRY, DEFAULT_TIMEOUT_MS, NotifyError, type SendOptions } from './http.js';
export { headline, type Notification, notificationSchema } from './message.js';
export {
  createNotifier,
  type Notifier,
  type NotifierConfig,
  type NotifierOptions,
  type NotifyResult,
} from './notifier.js';
export {
  sendTelegram,
  TELEGRAM_API,
  TELEGRAM_TEXT_LIMIT,
  type TelegramTarget,
  telegramPayload,
  telegramText,
} from './telegram.js';
export { truncate } from './text.js';
