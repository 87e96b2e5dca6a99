import { looksLikeApplication } from '../domain/application/detect.js';
import { parseCommands } from '../domain/commands/parse.js';
import type { BotEvent } from '../gitea/event.js';
import type { WorkflowDefinition } from './definition.js';

const sameRepo = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Whether an issue event comes from a repository where the program's workflows and commands
 * count: PROGRAM_REPO and the config's `program.repos`. With an organisation webhook, an alert
 * or a command in any other repository of the organisation is not the program's.
 */
export const inProgramRepos = (repo: string, programRepos: readonly string[]) =>
  programRepos.some((known) => sameRepo(known, repo));

/** Whether any workflow could act on this event; the rest are answered 204 without queueing. */
export function isRelevant(
  event: BotEvent,
  definitions: readonly WorkflowDefinition[],
  qualityRepos: readonly string[] = [],
  programRepos?: readonly string[],
): boolean {
  if (event.kind === 'pull.updated') return qualityRepos.some((repo) => sameRepo(repo, event.repo));
  if (programRepos && !inProgramRepos(event.repo, programRepos)) return false;
  if (event.kind.startsWith('comment.')) return parseCommands(event.comment?.body ?? '').length > 0;
  if (unlabelledApplication(event)) return true;
  return event.issue.labels.some((label) =>
    definitions.some((d) => label === d.trigger || label.startsWith(`${d.labelScope}/`)),
  );
}

export const APPLICATION_TRIGGER = 'operator-application';

/** A newly opened issue that is an application form but lacks its label (see looksLikeApplication). */
export function unlabelledApplication(event: BotEvent): boolean {
  return (
    event.kind === 'issue.opened' &&
    !event.issue.isPull &&
    !event.issue.labels.includes(APPLICATION_TRIGGER) &&
    looksLikeApplication(event.issue.body)
  );
}
