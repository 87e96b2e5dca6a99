import type { Logger } from 'pino';
import { ConfigError } from '../config/errors.js';
import { type GiteaClient, GiteaError } from './client.js';

/**
 * Asks Gitea who the bot is (GET /user), retrying while Gitea cannot be reached (1 s, 2 s… up to
 * 15 s apart: the bot must know its own comments). A 401 is not retried: the token is wrong and
 * waiting will not fix it; it throws a ConfigError naming GITEA_TOKEN and the fix.
 */
export async function resolveBotLogin(gitea: GiteaClient, log: Logger, giteaUrl: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const user = await gitea.currentUser();
      if (user.login) return user.login;
    } catch (err) {
      if (err instanceof GiteaError && err.status === 401) {
        throw new ConfigError('GITEA_TOKEN', [
          `token rejected by ${giteaUrl} (401 on GET /user): create a new access token for the bot account (see \`operator-bot doctor\`)`,
        ]);
      }
      log.warn({ err, attempt }, 'cannot reach Gitea to learn the bot account (GET /user); retrying');
    }
    await new Promise((done) => setTimeout(done, Math.min(1000 * attempt, 15_000)));
  }
}

/** For a one-shot command: the bot's login, asked of Gitea once (no retry: the command fails and says why). */
export async function botLoginOf(gitea: Pick<GiteaClient, 'currentUser'>): Promise<string> {
  return (await gitea.currentUser()).login ?? 'operator-bot';
}
