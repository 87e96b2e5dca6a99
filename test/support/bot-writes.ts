import { PROGRAM_REPO } from './bot.js';
import type { FakeGitea } from './gitea/index.js';

/** The comments the bot's account wrote in program issue `number`, oldest first. */
export const botComments = (gitea: FakeGitea, number: number) =>
  gitea.comments(PROGRAM_REPO, number).filter((c) => c.user.login === gitea.botLogin);

/** Every comment the bot created (POST …/issues/{index}/comments), in any issue. */
export const commentsPosted = (gitea: FakeGitea) =>
  gitea.requestsTo('POST', '/repos/{owner}/{repo}/issues/{index}/comments');
