import { Hono } from 'hono';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountAdminDashboard } from '../../src/intake/admin.js';
import { createEventQueue, EVENTS_QUEUE, type EventQueue } from '../../src/queue/event-queue.js';
import { useRedis } from '../support/redis.js';

const redis = useRedis();
const USER = 'ops';
const PASSWORD = 'correct horse battery staple';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const authorized = { authorization: basic(USER, PASSWORD) };

let connection: Redis;
let queue: EventQueue;
beforeAll(() => {
  connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  queue = createEventQueue(connection);
});
afterAll(async () => {
  await queue?.close();
  connection?.disconnect();
});

function appWithDashboard(credentials: { user?: string; password?: string }) {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  const mounted = mountAdminDashboard(app, { queues: [queue], ...credentials });
  return { app, mounted };
}

describe('the queue dashboard at /admin/queues', () => {
  it('asks for basic auth when no credentials are sent', async () => {
    const { app, mounted } = appWithDashboard({ user: USER, password: PASSWORD });
    expect(mounted).toBe(true);
    for (const path of [
      '/admin/queues',
      '/admin/queues/api/queues',
      '/admin/queues/static/images/logo.svg',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate'), path).toMatch(/^Basic realm=/);
    }
  });

  it('refuses a wrong password or user, and never echoes the password', async () => {
    const { app } = appWithDashboard({ user: USER, password: PASSWORD });
    for (const authorization of [basic(USER, 'wrong'), basic('someone', PASSWORD), 'Bearer x']) {
      const res = await app.request('/admin/queues', { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain(PASSWORD);
    }
  });

  it('serves the dashboard page and its static assets with the right credentials', async () => {
    const { app } = appWithDashboard({ user: USER, password: PASSWORD });
    const res = await app.request('/admin/queues', { headers: authorized });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<base href="/admin/queues/"');
    expect(html).toContain('operator-bot queues');
    expect(html).not.toContain(PASSWORD);

    // Assets referenced by the page resolve from bull-board's ui package, whatever the cwd.
    const assets = [...html.matchAll(/(?:src|href)="(static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const res = await app.request(`/admin/queues/${asset}`, { headers: authorized });
      expect(res.status, asset).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('lists the queue and a waiting job through the dashboard API', async () => {
    const { app } = appWithDashboard({ user: USER, password: PASSWORD });
    await queue.add('schedule', { schedule: 'weeklyReminder' }, { jobId: 'dashboard-test-job' });
    const res = await app.request(`/admin/queues/api/queues?activeQueue=${EVENTS_QUEUE}&status=waiting`, {
      headers: authorized,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      queues: { name: string; counts: Record<string, number>; jobs: { id: string; data: unknown }[] }[];
    };
    const listed = body.queues.find((q) => q.name === EVENTS_QUEUE);
    expect(listed).toBeDefined();
    expect(listed?.counts.waiting).toBe(1);
    expect(listed?.jobs.map((job) => job.id)).toContain('dashboard-test-job');
  });

  it('redirects the trailing-slash form, behind auth too', async () => {
    const { app } = appWithDashboard({ user: USER, password: PASSWORD });
    expect((await app.request('/admin/queues/')).status).toBe(401);
    const res = await app.request('/admin/queues/', { headers: authorized });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/admin/queues');
  });

  it('mounts under another base path', async () => {
    const app = new Hono();
    expect(
      mountAdminDashboard(app, { queues: [queue], user: USER, password: PASSWORD, basePath: '/ops/' }),
    ).toBe(true);
    expect((await app.request('/ops')).status).toBe(401);
    expect((await app.request('/ops', { headers: authorized })).status).toBe(200);
    expect((await app.request('/admin/queues', { headers: authorized })).status).toBe(404);
  });

  it.each([
    { case: 'no user or password', credentials: {} },
    { case: 'no password', credentials: { user: USER } },
    { case: 'no user', credentials: { password: PASSWORD } },
    { case: 'both empty (ADMIN_USER= ADMIN_PASSWORD=)', credentials: { user: '', password: '' } },
  ])('is off when $case', async ({ credentials }) => {
    const { app, mounted } = appWithDashboard(credentials);
    expect(mounted).toBe(false);
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const res = await app.request(path, { headers: authorized });
      expect(res.status, path).toBe(404);
    }
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('leaves the rest of the app open', async () => {
    const { app } = appWithDashboard({ user: USER, password: PASSWORD });
    expect((await app.request('/healthz')).status).toBe(200);
  });
});
