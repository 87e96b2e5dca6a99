import type { ProgramConfig } from '../config/program.js';
import { parseCommands } from '../domain/commands/parse.js';
import { echo } from '../domain/text/echo.js';
import type { Role } from '../engine/definition.js';
import type { Effect } from '../engine/effects.js';
import { describeRoles, mayUse } from '../engine/roles.js';
import type { BotEvent } from '../gitea/event.js';
import type { CommandFacts, ProgramCommand } from './types.js';

export type CommandsInput = {
  commands: readonly ProgramCommand[];
  /** Command names a workflow running on this issue answers itself. */
  claimed: ReadonlySet<string>;
  event: BotEvent;
  config: ProgramConfig;
  facts: CommandFacts;
  roles: ReadonlySet<Role>;
};

/** The key of the one answer to a comment's program commands. */
export const commandAnswerKey = (commentId: number) => `command-${commentId}`;

/** Program commands of one comment → effects and one answer. Pure, like the workflows' decide. */
export function decideCommands(input: CommandsInput): Effect[] {
  const { event } = input;
  if (event.kind !== 'comment.created' || !event.comment) return [];
  const byName = new Map(input.commands.map((c) => [c.name, c]));
  const answers: string[] = [];
  const effects: Effect[] = [];
  for (const line of parseCommands(event.comment.body)) {
    const command = byName.get(line.name);
    if (!command || input.claimed.has(line.name)) continue;
    if (!mayUse(input.roles, command.roles)) {
      answers.push(`${echo(line)}: only ${describeRoles(command.roles)} may use this.`);
      continue;
    }
    const result = command.run({ ...input, command: line });
    if (typeof result === 'string') {
      answers.push(`${echo(line)}: ${result}`);
      continue;
    }
    if (result.reply) answers.push(result.reply);
    effects.push(...(result.effects ?? []));
  }
  if (answers.length > 0) {
    effects.push({ type: 'postNote', key: commandAnswerKey(event.comment.id), body: answers.join('\n\n') });
  }
  return effects;
}
