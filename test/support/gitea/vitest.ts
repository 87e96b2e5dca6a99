import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createFakeGitea, type FakeGitea, type FakeGiteaOptions } from './fake-gitea.js';

/**
 * One fake Gitea per test file: msw intercepts `fetch` to its base URL (gitea-js looks up
 * `globalThis.fetch` on each call), other hosts pass through. After each test the contract is
 * asserted and the state wiped.
 */
/** `otherHandlers` emulate other services the bot calls in the same test (chat webhooks…). */
export function useFakeGitea(options?: FakeGiteaOptions, otherHandlers: HttpHandler[] = []): () => FakeGitea {
  const gitea = createFakeGitea(options);
  const giteaOrigin = new URL(gitea.baseUrl).origin;
  const server = setupServer(...otherHandlers, ...gitea.handlers);

  beforeAll(() =>
    server.listen({
      onUnhandledRequest: (request, print) => {
        if (new URL(request.url).origin === giteaOrigin) print.error();
      },
    }),
  );
  afterEach(() => {
    try {
      gitea.assertContract();
    } finally {
      gitea.reset();
      server.resetHandlers();
    }
  });
  afterAll(() => server.close());

  return () => gitea;
}
