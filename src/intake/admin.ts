import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Queue } from 'bullmq';
import { type Env, Hono, type Schema } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { HTTPException } from 'hono/http-exception';

export const ADMIN_BASE_PATH = '/admin/queues';

export type AdminDashboardOptions = {
  /** The queues the dashboard shows. */
  queues: readonly Queue[];
  /** Basic-auth user (env ADMIN_USER). The dashboard is off when this or `password` is unset or empty. */
  user?: string;
  /** Basic-auth password (env ADMIN_PASSWORD). Never logged or echoed. */
  password?: string;
  /** Where the dashboard lives; default `/admin/queues`. */
  basePath?: string;
};

/**
 * Mounts the BullMQ dashboard (bull-board) on `app` at `basePath`, behind HTTP basic auth.
 * Everything under `basePath` (the page, its static assets and its JSON API) needs the credentials.
 * Returns false and mounts nothing when `user` or `password` is unset or empty: the dashboard is off.
 */
export function mountAdminDashboard<E extends Env, S extends Schema, B extends string>(
  app: Hono<E, S, B>,
  options: AdminDashboardOptions,
): boolean {
  const { user, password } = options;
  if (!user || !password) return false;
  const basePath = normalizeBasePath(options.basePath ?? ADMIN_BASE_PATH);

  const serverAdapter = new HonoAdapter(serveStatic);
  createBullBoard({
    queues: options.queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'operator-bot queues' } },
  });
  serverAdapter.setBasePath(basePath);

  const guard = basicAuth({ username: user, password, realm: 'operator-bot admin' });
  const admin = new Hono();
  // basicAuth throws an HTTPException on a failed login; answer its 401 here so the outcome
  // doesn't depend on how the host app's onError treats HTTPExceptions.
  admin.use('*', async (c, next) => {
    try {
      await guard(c, next);
    } catch (error) {
      if (error instanceof HTTPException && error.status === 401) return error.getResponse();
      throw error;
    }
  });
  admin.route('/', serverAdapter.registerPlugin());
  app.route(basePath, admin);
  // `/admin/queues/` (as typed or bookmarked) → the board's own `/admin/queues`.
  app.get(`${basePath}/`, (c) => c.redirect(basePath, 301));
  return true;
}

function normalizeBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (!trimmed.startsWith('/') || trimmed.length < 2) {
    throw new Error(`the admin dashboard path must be a sub-path such as ${ADMIN_BASE_PATH}, not "${path}"`);
  }
  return trimmed;
}
