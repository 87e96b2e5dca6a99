import { looksLikeApplication } from '../domain/application/detect.js';
import { parseCommands } from '../domain/commands/parse.js';
import type { BotEvent } from '../gitea/event.js';
import type { WorkflowDefinition } from './definition.js';

/** Whether any workflow could act on this event; the rest are answered 204 without queueing. */
export function isRelevant(
  event: BotEvent,
  definitions: readonly WorkflowDefinition[],
  qualityRepos: readonly string[] = [],
): boolean {
  if (event.kind === 'pull.updated')
    return qualityRepos.some((repo) => repo.toLowerCase() === event.repo.toLowerCase());
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
