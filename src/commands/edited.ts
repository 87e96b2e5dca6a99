import type { CommandLine } from '../domain/commands/parse.js';
import { formatUtcSeconds } from '../domain/time/format.js';
import type { Answer } from './answer.js';
import type { CommandSpec } from './catalog.js';

/** How each answer to an edited comment begins. */
export const EDITED_NOT_RUN = 'not run: this comment was edited';
/** The word the bot signs into its reply for such an answer: `rebuild` reads which comments it did not run from it, not from the editable text. */
export const EDITED_SEAL = 'edited';

/**
 * The answers to the command lines of a comment edited after it was written and before the bot
 * read it (`editedAt`, Gitea's time: src/gitea/event.ts): none is run, since Gitea
 * does not say who edited it (a repository's writers may edit anyone's comment,
 * routers/api/v1/repo/issue_comment.go editIssueComment), and each command is to be written again.
 * Lines naming no command of `catalog` (`/shrug`) are text and get no answer.
 */
export function editedLines(
  lines: readonly CommandLine[],
  catalog: readonly CommandSpec[],
  editedAt: string,
): Answer[] {
  const known = new Set(catalog.map((spec) => spec.name));
  return lines
    .filter((line) => known.has(line.name))
    .map((line) => ({
      line,
      text: `${EDITED_NOT_RUN} (${formatUtcSeconds(editedAt)}) before the bot read it, and Gitea does not say who edited it. Write the command again in a new comment.`,
    }));
}
