import { replyToComment } from '../../src/commands/answer.js';
import { type CommandsInput, decideCommands } from '../../src/commands/any-issue.js';
import { commandCatalog } from '../../src/commands/catalog.js';
import { unreadLine } from '../../src/commands/elsewhere.js';
import { defaultProgramConfig } from '../../src/config/program.js';
import { MAX_COMMANDS_PER_COMMENT, parseCommands } from '../../src/domain/commands/parse.js';
import type { Effect } from '../../src/engine/effects.js';
import { loadWorkflows } from '../../src/workflows/all.js';
import { templates } from './workflows.js';

const catalog = commandCatalog(loadWorkflows(templates, defaultProgramConfig()).map((w) => w.definition));

/**
 * What the worker does with a comment on an issue no workflow (or only workflows answering
 * `claimed`) runs on: its command lines, the program commands' effects, then the one reply (with
 * the answer to the first line past the ones read, as the worker gives it).
 */
export function programCommandEffects(
  input: Omit<CommandsInput, 'lines' | 'catalog'> & { claimed?: ReadonlySet<string> },
): Effect[] {
  const { claimed = new Set<string>(), ...rest } = input;
  const comment = input.event.comment;
  if (!comment) return [];
  const parsed = parseCommands(comment.body, MAX_COMMANDS_PER_COMMENT + 1);
  const lines = parsed.slice(0, MAX_COMMANDS_PER_COMMENT).filter((line) => !claimed.has(line.name));
  const { effects, answers } = decideCommands({ ...rest, lines, catalog });
  const unread = unreadLine(parsed[MAX_COMMANDS_PER_COMMENT], catalog);
  return [...effects, ...replyToComment(comment.id, parsed, unread ? [...answers, unread] : answers)];
}
