import { looksLikeApplication } from '../domain/application/detect.js';
import { MAX_COMMAND_TEXT } from '../domain/commands/parse.js';
import type { BotEvent } from '../gitea/event.js';
import type { WorkflowDefinition } from './definition.js';

/** Whether two `owner/name`s name one repository (Gitea compares them without case). */
export const sameRepo = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether an issue event comes from a repository where the program's workflows and commands
 * count: PROGRAM_REPO and the config's `program.repos`. With an organisation webhook, an alert
 * or a command in any other repository of the organisation is not the program's.
 */
export const inProgramRepos = (repo: string, programRepos: readonly string[]) =>
  programRepos.some((known) => sameRepo(known, repo));

/**
 * Whether any workflow could act on this event; the rest are answered 204 without queueing.
 * Runs inside the webhook request, so it never parses a body: comments and new issues pass on
 * a cheap linear look, and the worker reads them (issue #16: a body is parsed in the worker).
 * Issue events outside `programRepos` (when given) are not the program's (#14).
 */
export function isRelevant(
  event: BotEvent,
  definitions: readonly WorkflowDefinition[],
  qualityRepos: readonly string[] = [],
  programRepos?: readonly string[],
): boolean {
  if (event.kind === 'pull.updated') return qualityRepos.some((repo) => sameRepo(repo, event.repo));
  if (programRepos && !inProgramRepos(event.repo, programRepos)) return false;
  // An edit of any comment may be one of the bot's status comments, marker stripped or not
  // (src/worker/restore-status.ts writes it back): rare enough to queue each.
  if (event.kind === 'comment.edited') return true;
  if (event.kind.startsWith('comment.')) return mayHoldCommand(event.comment?.body ?? '');
  if (mayBeUnlabelledApplication(event)) return true;
  return event.issue.labels.some((label) =>
    definitions.some((d) => label === d.trigger || label.startsWith(`${d.labelScope}/`)),
  );
}

export const APPLICATION_TRIGGER = 'operator-application';

/** A line starting with `/x` (any line ending, Unicode separators too): a superset of commands. */
const COMMAND_LIKE_LINE = /(?:^|[\n\r\u2028\u2029])[ \t]*\/[a-z]/i;

/** Whether a comment has a line that could be a command (the worker decides with the parser). */
export function mayHoldCommand(body: string): boolean {
  return COMMAND_LIKE_LINE.test(body.slice(0, MAX_COMMAND_TEXT));
}

/**
 * A newly opened issue without the application label whose body names a wallet, the one answer
 * every application has: the worker then reads the body (see unlabelledApplication).
 */
export function mayBeUnlabelledApplication(event: BotEvent): boolean {
  return (
    event.kind === 'issue.opened' &&
    !event.issue.isPull &&
    !event.issue.labels.includes(APPLICATION_TRIGGER) &&
    /wallet/i.test(event.issue.body)
  );
}

/** A newly opened issue that is an application form but lacks its label (see looksLikeApplication). Worker only. */
export function unlabelledApplication(event: BotEvent): boolean {
  return mayBeUnlabelledApplication(event) && looksLikeApplication(event.issue.body);
}
