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
  return event.issue.labels.some((label) =>
    definitions.some((d) => label === d.trigger || label.startsWith(`${d.labelScope}/`)),
  );
}
