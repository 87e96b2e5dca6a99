import { inspect } from 'node:util';
import { delay, HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RetryPolicy } from '../../../src/gitea/retry.js';
import { sendDiscord } from '../../../src/notify/discord.js';
import { NotifyError } from '../../../src/notify/http.js';
import type { Notification } from '../../../src/notify/message.js';
import { createNotifier } from '../../../src/notify/notifier.js';
import { sendTelegram } from '../../../src/notify/telegram.js';

const WEBHOOK = 'https://discord.com/api/webhooks/111222333/webhook-Secret_token.ABC';
const WEBHOOK_TOKEN = 'webhook-Secret_token.ABC';
const TOKEN = '123456:SECRET-token-value';
const TELEGRAM_URL = `https://api.telegram.org/bot${TOKEN}/sendMessage`;
const CHAT_ID = '-1001234567890';
const config = { discordWebhookUrl: WEBHOOK, telegram: { botToken: TOKEN, chatId: CHAT_ID } };
/** Retries without waiting, so only `retry_after` can make a test slow. */
const FAST: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2_000 };

const alert: Notification = {
  title: 'Disk full on node-3',
  text: 'Nobody acknowledged the alert within 30m.\n@everyone please look.',
  url: 'https://gitea.example.org/fleet/ops/issues/42',
  severity: 'critical',
  level: 2,
};

type Seen = { method: string; url: string; contentType: string | null; body: unknown };
const seen: { discord: Seen[]; telegram: Seen[] } = { discord: [], telegram: [] };
type Answer = (request: Request) => Response | Promise<Response>;

const DISCORD_ROUTE = 'https://discord.com/api/webhooks/:id/:token';
const TELEGRAM_ROUTE = /^https:\/\/api\.telegram\.org\/bot[^/]+\/sendMessage$/;

/** A handler answering with `answers` in turn (the last one repeats), recording each request. */
function route(channel: keyof typeof seen, ...answers: Answer[]) {
  let calls = 0;
  return http.post(channel === 'discord' ? DISCORD_ROUTE : TELEGRAM_ROUTE, async ({ request }) => {
    seen[channel].push({
      method: request.method,
      url: request.url,
      contentType: request.headers.get('content-type'),
      body: await request.clone().json(),
    });
    const answer = answers[Math.min(calls++, answers.length - 1)] as Answer;
    return answer(request);
  });
}

const discordOk: Answer = () => new HttpResponse(null, { status: 204 });
const telegramOk: Answer = () => HttpResponse.json({ ok: true, result: { message_id: 7 } });
const serverError: Answer = () => HttpResponse.text('upstream broke', { status: 500 });

const server = setupServer(route('discord', discordOk), route('telegram', telegramOk));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen.discord = [];
  seen.telegram = [];
  vi.unstubAllGlobals();
});
afterAll(() => server.close());

const containsSecret = (value: unknown) => {
  const text = typeof value === 'string' ? value : inspect(value, { depth: 10, showHidden: true });
  return [TOKEN, 'SECRET-token-value', encodeURIComponent(TOKEN), WEBHOOK_TOKEN].some((s) =>
    text.includes(s),
  );
};

describe('createNotifier', () => {
  it('lists the configured channels; none configured sends nothing and answers []', async () => {
    expect(createNotifier(config).channels).toEqual(['discord', 'telegram']);
    expect(createNotifier({ discordWebhookUrl: WEBHOOK }).channels).toEqual(['discord']);
    expect(createNotifier({ telegram: config.telegram }).channels).toEqual(['telegram']);
    const none = createNotifier({});
    expect(none.channels).toEqual([]);
    expect(await none.notify(alert)).toEqual([]);
    expect(seen.discord).toHaveLength(0);
    expect(seen.telegram).toHaveLength(0);
  });

  it('posts the Discord execute-webhook body, once per notify', async () => {
    const notifier = createNotifier(config, { retry: FAST });
    expect(await notifier.notify(alert)).toEqual([
      { channel: 'discord', ok: true },
      { channel: 'telegram', ok: true },
    ]);
    expect(seen.discord).toEqual([
      {
        method: 'POST',
        url: WEBHOOK,
        contentType: 'application/json',
        body: {
          content: '**🔴 CRITICAL · escalation level 2** — Disk full on node-3',
          embeds: [
            {
              title: 'Disk full on node-3',
              description: alert.text,
              url: alert.url,
              color: 0xd73a4a,
            },
          ],
          allowed_mentions: { parse: [] },
        },
      },
    ]);
    await notifier.notify({ ...alert, severity: 'warning', level: 1, url: undefined });
    expect(seen.discord).toHaveLength(2);
    expect(seen.discord[1]?.body).toEqual({
      content: '**🟠 WARNING · escalation level 1** — Disk full on node-3',
      embeds: [{ title: 'Disk full on node-3', description: alert.text, color: 0xfbca04 }],
      allowed_mentions: { parse: [] },
    });
  });

  it('posts the Telegram sendMessage body as plain text, once per notify', async () => {
    const notifier = createNotifier(config, { retry: FAST });
    await notifier.notify(alert);
    expect(seen.telegram).toEqual([
      {
        method: 'POST',
        url: TELEGRAM_URL,
        contentType: 'application/json',
        body: {
          chat_id: CHAT_ID,
          text: `🔴 CRITICAL · escalation level 2\nDisk full on node-3\n\n${alert.text}\n\n${alert.url}`,
          disable_web_page_preview: true,
        },
      },
    ]);
    await notifier.notify({ ...alert, text: '', url: undefined, severity: 'warning' });
    expect(seen.telegram).toHaveLength(2);
    expect(seen.telegram[1]?.body).toEqual({
      chat_id: CHAT_ID,
      text: '🟠 WARNING · escalation level 2\nDisk full on node-3',
      disable_web_page_preview: true,
    });
  });

  it('retries a 500 and then succeeds', async () => {
    server.use(route('discord', serverError, discordOk), route('telegram', serverError, telegramOk));
    const results = await createNotifier(config, { retry: FAST }).notify(alert);
    expect(results).toEqual([
      { channel: 'discord', ok: true },
      { channel: 'telegram', ok: true },
    ]);
    expect(seen.discord).toHaveLength(2);
    expect(seen.telegram).toHaveLength(2);
  });

  it('gives up after the policy’s attempts on persistent 5xx and says so', async () => {
    server.use(route('discord', serverError), route('telegram', serverError));
    const results = await createNotifier(config, { retry: FAST }).notify(alert);
    expect(results).toEqual([
      { channel: 'discord', ok: false, error: 'HTTP 500: upstream broke (after 3 attempts)' },
      { channel: 'telegram', ok: false, error: 'HTTP 500: upstream broke (after 3 attempts)' },
    ]);
    expect(seen.discord).toHaveLength(3);
    expect(seen.telegram).toHaveLength(3);
  });

  describe('429: waits as told instead of the (here 3 s) backoff', () => {
    const SLOW_BACKOFF: RetryPolicy = { attempts: 3, baseDelayMs: 3_000, maxDelayMs: 5_000 };
    const timed = async (notify: () => Promise<unknown>) => {
      const started = performance.now();
      const result = await notify();
      return { result, elapsed: performance.now() - started };
    };

    it('Discord: retry_after in the JSON body (seconds)', async () => {
      server.use(
        route(
          'discord',
          () =>
            HttpResponse.json(
              { message: 'You are being rate limited.', retry_after: 0.05, global: false },
              { status: 429 },
            ),
          discordOk,
        ),
      );
      const { result, elapsed } = await timed(() =>
        createNotifier({ discordWebhookUrl: WEBHOOK }, { retry: SLOW_BACKOFF }).notify(alert),
      );
      expect(result).toEqual([{ channel: 'discord', ok: true }]);
      expect(seen.discord).toHaveLength(2);
      expect(elapsed).toBeGreaterThanOrEqual(45);
      expect(elapsed).toBeLessThan(1_500);
    });

    it('Discord: only a Retry-After header', async () => {
      server.use(
        route(
          'discord',
          () => new HttpResponse(null, { status: 429, headers: { 'Retry-After': '0.05' } }),
          discordOk,
        ),
      );
      const { result, elapsed } = await timed(() =>
        createNotifier({ discordWebhookUrl: WEBHOOK }, { retry: SLOW_BACKOFF }).notify(alert),
      );
      expect(result).toEqual([{ channel: 'discord', ok: true }]);
      expect(seen.discord).toHaveLength(2);
      expect(elapsed).toBeGreaterThanOrEqual(45);
      expect(elapsed).toBeLessThan(1_500);
    });

    it('Telegram: parameters.retry_after', async () => {
      server.use(
        route(
          'telegram',
          () =>
            HttpResponse.json(
              {
                ok: false,
                error_code: 429,
                description: 'Too Many Requests: retry after 0.05',
                parameters: { retry_after: 0.05 },
              },
              { status: 429 },
            ),
          telegramOk,
        ),
      );
      const { result, elapsed } = await timed(() =>
        createNotifier({ telegram: config.telegram }, { retry: SLOW_BACKOFF }).notify(alert),
      );
      expect(result).toEqual([{ channel: 'telegram', ok: true }]);
      expect(seen.telegram).toHaveLength(2);
      expect(elapsed).toBeGreaterThanOrEqual(45);
      expect(elapsed).toBeLessThan(1_500);
    });
  });

  it('does not retry permanent 400/403 and reports why', async () => {
    server.use(
      route('discord', () =>
        HttpResponse.json({ message: 'Missing Permissions', code: 50013 }, { status: 403 }),
      ),
      route('telegram', () =>
        HttpResponse.json(
          { ok: false, error_code: 400, description: 'Bad Request: chat not found' },
          { status: 400 },
        ),
      ),
    );
    const results = await createNotifier(config, { retry: FAST }).notify(alert);
    expect(results).toEqual([
      { channel: 'discord', ok: false, error: 'HTTP 403: Missing Permissions (code 50013)' },
      { channel: 'telegram', ok: false, error: 'HTTP 400: Bad Request: chat not found' },
    ]);
    expect(seen.discord).toHaveLength(1);
    expect(seen.telegram).toHaveLength(1);
  });

  it('treats a Telegram 200 without ok: true as a failure', async () => {
    server.use(route('telegram', () => HttpResponse.json({ ok: false, description: 'odd' })));
    const results = await createNotifier({ telegram: config.telegram }, { retry: FAST }).notify(alert);
    expect(results).toEqual([{ channel: 'telegram', ok: false, error: 'HTTP 200: odd' }]);
    expect(seen.telegram).toHaveLength(1);
  });

  it('times each attempt out and reports ok: false', async () => {
    const hang: Answer = async () => {
      await delay(5_000);
      return new HttpResponse(null, { status: 204 });
    };
    server.use(route('discord', hang), route('telegram', hang));
    const started = performance.now();
    const results = await createNotifier(config, {
      timeoutMs: 50,
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 10 },
    }).notify(alert);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(results).toEqual([
      { channel: 'discord', ok: false, error: 'timed out after 50 ms (after 2 attempts)' },
      { channel: 'telegram', ok: false, error: 'timed out after 50 ms (after 2 attempts)' },
    ]);
    expect(seen.discord).toHaveLength(2);
    expect(seen.telegram).toHaveLength(2);
  });

  it('keeps going to Telegram when Discord fails, and the other way round', async () => {
    server.use(route('discord', () => HttpResponse.error()));
    expect(await createNotifier(config, { retry: FAST }).notify(alert)).toEqual([
      { channel: 'discord', ok: false, error: expect.any(String) },
      { channel: 'telegram', ok: true },
    ]);
    server.use(route('discord', discordOk), route('telegram', serverError));
    expect(await createNotifier(config, { retry: FAST }).notify(alert)).toEqual([
      { channel: 'discord', ok: true },
      { channel: 'telegram', ok: false, error: 'HTTP 500: upstream broke (after 3 attempts)' },
    ]);
  });

  it('keeps going when a channel throws synchronously inside fetch', async () => {
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string | URL | Request, init?: RequestInit) => {
      if (String(input).startsWith('https://discord.com/')) throw new Error('boom');
      return realFetch(input, init);
    });
    expect(await createNotifier(config, { retry: FAST }).notify(alert)).toEqual([
      { channel: 'discord', ok: false, error: 'boom (after 3 attempts)' },
      { channel: 'telegram', ok: true },
    ]);
  });

  it('answers ok: false for an invalid notification without sending', async () => {
    const results = await createNotifier(config).notify({ ...alert, url: 'not a url' });
    expect(results).toEqual([
      { channel: 'discord', ok: false, error: expect.stringMatching(/^invalid notification: url: /) },
      { channel: 'telegram', ok: false, error: expect.stringMatching(/^invalid notification: url: /) },
    ]);
    expect(seen.discord).toHaveLength(0);
    expect(seen.telegram).toHaveLength(0);
  });

  it('looks fetch up at call time', async () => {
    const notifier = createNotifier({ telegram: config.telegram }, { retry: FAST });
    const fake = vi.fn(async () => Response.json({ ok: true }));
    vi.stubGlobal('fetch', fake);
    expect(await notifier.notify(alert)).toEqual([{ channel: 'telegram', ok: true }]);
    expect(fake).toHaveBeenCalledTimes(1);
    expect(seen.telegram).toHaveLength(0);
  });
});

describe('secrets never leak', () => {
  const notifier = () => createNotifier(config, { retry: FAST });

  it('network failure (msw HttpResponse.error)', async () => {
    server.use(
      route('discord', () => HttpResponse.error()),
      route('telegram', () => HttpResponse.error()),
    );
    const results = await notifier().notify(alert);
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(results[1]?.error).toMatch(/after 3 attempts/);
    expect(containsSecret(results)).toBe(false);
  });

  it('a fetch error whose message and cause carry the full URL', async () => {
    vi.stubGlobal('fetch', async (input: string | URL | Request) => {
      const url = String(input);
      throw new TypeError(`request to ${url} failed, reason: connect ECONNREFUSED`, {
        cause: Object.assign(new Error(`connect ECONNREFUSED ${url}`), { code: 'ECONNREFUSED' }),
      });
    });
    const results = await notifier().notify(alert);
    expect(results).toEqual([
      {
        channel: 'discord',
        ok: false,
        error: expect.stringContaining(
          'request to https://discord.com/api/webhooks/111222333/[redacted] failed',
        ),
      },
      {
        channel: 'telegram',
        ok: false,
        error: expect.stringContaining(
          'request to https://api.telegram.org/bot[redacted]/sendMessage failed',
        ),
      },
    ]);
    expect(containsSecret(results)).toBe(false);
  });

  it('an answer that echoes the URL (also URL-encoded)', async () => {
    server.use(
      route('telegram', (request) =>
        HttpResponse.json(
          {
            ok: false,
            error_code: 404,
            description: `Not Found: ${request.url} ${encodeURIComponent(TOKEN)}`,
          },
          { status: 404 },
        ),
      ),
      route('discord', (request) =>
        HttpResponse.text(`<html>Bad gateway while proxying ${request.url}</html>`, { status: 502 }),
      ),
    );
    const results = await notifier().notify(alert);
    expect(results).toEqual([
      {
        channel: 'discord',
        ok: false,
        error:
          'HTTP 502: <html>Bad gateway while proxying https://discord.com/api/webhooks/111222333/[redacted]</html> (after 3 attempts)',
      },
      {
        channel: 'telegram',
        ok: false,
        error: 'HTTP 404: Not Found: https://api.telegram.org/bot[redacted]/sendMessage [redacted]',
      },
    ]);
    expect(containsSecret(results)).toBe(false);
  });

  it('errors thrown by sendTelegram / sendDiscord hold no secret anywhere (message, stack, cause, props)', async () => {
    vi.stubGlobal('fetch', async (input: string | URL | Request) => {
      throw new TypeError(`Failed to fetch ${String(input)}`, { cause: new Error(String(input)) });
    });
    const telegram = await sendTelegram(config.telegram, alert, { retry: FAST }).catch((e: unknown) => e);
    const discord = await sendDiscord(WEBHOOK, alert, { retry: FAST }).catch((e: unknown) => e);
    for (const error of [telegram, discord]) {
      expect(error).toBeInstanceOf(NotifyError);
      expect((error as NotifyError).cause).toBeUndefined();
      expect(containsSecret(error)).toBe(false);
      expect(containsSecret((error as Error).stack)).toBe(false);
    }
    expect((telegram as Error).message).toBe(
      'Telegram notification failed: Failed to fetch https://api.telegram.org/bot[redacted]/sendMessage (after 3 attempts)',
    );
  });

  it('a malformed token is rejected without echoing it or calling out', async () => {
    const botToken = '123456:SECRET-token-value/../x';
    const error = await sendTelegram({ botToken, chatId: CHAT_ID }, alert).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotifyError);
    expect(containsSecret(error)).toBe(false);
    expect(seen.telegram).toHaveLength(0);
  });
});

describe('long texts are cut to each API’s limits', () => {
  const hasLoneSurrogate = (s: string) =>
    /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
  const long: Notification = {
    ...alert,
    title: `Title ${'🚨'.repeat(3_000)}`,
    text: `Body ${'x'.repeat(4_090)}${'👩‍👩‍👧'.repeat(2_000)}`,
  };

  it('Discord: content ≤ 2000, embed title ≤ 256, description ≤ 4096, mentions off', async () => {
    await createNotifier({ discordWebhookUrl: WEBHOOK }).notify(long);
    const body = seen.discord[0]?.body as {
      content: string;
      embeds: { title: string; description: string; url: string }[];
      allowed_mentions: unknown;
    };
    const embed = body.embeds[0];
    expect(body.content.length).toBeLessThanOrEqual(2_000);
    expect(embed?.title.length).toBeLessThanOrEqual(256);
    expect(embed?.description.length).toBeLessThanOrEqual(4_096);
    expect(embed?.description.length).toBeGreaterThan(4_000);
    for (const text of [body.content, embed?.title ?? '', embed?.description ?? '']) {
      expect(text.endsWith('…')).toBe(true);
      expect(hasLoneSurrogate(text)).toBe(false);
    }
    expect(embed?.description.startsWith('Body xxx')).toBe(true);
    expect(embed?.url).toBe(alert.url);
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('Telegram: text ≤ 4096 and the issue link survives at the end', async () => {
    await createNotifier({ telegram: config.telegram }).notify(long);
    const { text } = (seen.telegram[0]?.body ?? {}) as { text: string };
    expect(text.length).toBeLessThanOrEqual(4_096);
    expect(text.length).toBeGreaterThan(4_000);
    expect(text.startsWith('🔴 CRITICAL · escalation level 2\nTitle 🚨')).toBe(true);
    expect(text.endsWith(`…\n\n${alert.url}`)).toBe(true);
    expect(hasLoneSurrogate(text)).toBe(false);
  });

  it('short texts are left alone', async () => {
    await createNotifier(config).notify({ ...alert, text: 'y'.repeat(4_096) });
    const discord = seen.discord[0]?.body as { embeds: { description: string }[] };
    expect(discord.embeds[0]?.description).toBe('y'.repeat(4_096));
  });
});
