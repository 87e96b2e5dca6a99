import type { Redis } from 'ioredis';
import { loadProgram } from '../../src/app/program.js';
import { defaultProgramConfig, type ProgramConfig } from '../../src/config/program.js';
import { createGiteaClient } from '../../src/gitea/client.js';
import { createLogger } from '../../src/logger.js';
import { type RebuildOptions, rebuild } from '../../src/rebuild/rebuild.js';
import { PROGRAM_REPO } from './bot.js';
import type { FakeGitea } from './gitea/index.js';

/**
 * `rebuild` of the program repo from the emulated Gitea as `operator-bot rebuild` runs it: the
 * bot's own client and token, nothing logged, future timers dropped unless `scheduleFuture` is
 * given. `now` defaults to the wall clock; everything can be overridden.
 */
export function rebuildFromGitea(
  redis: Redis,
  gitea: FakeGitea,
  options: Partial<RebuildOptions> & { config?: ProgramConfig } = {},
) {
  const config = options.config ?? defaultProgramConfig();
  return rebuild({
    redis,
    gitea: createGiteaClient({ baseUrl: gitea.baseUrl, token: gitea.token, timeoutMs: 5_000 }),
    config,
    program: loadProgram(config),
    programRepo: PROGRAM_REPO,
    repos: [PROGRAM_REPO],
    botLogin: gitea.botLogin,
    markerSecret: gitea.token,
    log: createLogger('silent'),
    now: new Date().toISOString(),
    scheduleFuture: async () => undefined,
    ...options,
  });
}

/**
 * `count` applications (one per new applicant `applicant<i>`), each with an `/approve` by
 * `approver` (a maintainer, `maint`, unless given), in the emulator only.
 */
export function applicationsApproved(
  gitea: FakeGitea,
  count: number,
  form: string,
  approver: (applicant: string) => string = () => 'maint',
): void {
  for (let i = 0; i < count; i++) {
    const login = `applicant${i}`;
    gitea.addUser(login);
    const issue = gitea.addIssue(PROGRAM_REPO, {
      title: `Application ${i}`,
      body: form,
      user: login,
      labels: ['operator-application'],
    });
    gitea.addComment(PROGRAM_REPO, issue.number, { user: approver(login), body: '/approve' });
  }
}
