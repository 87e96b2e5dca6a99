import type { ProgramConfig } from '../config/program.js';
import type { CommandLine } from '../domain/commands/parse.js';
import type { Role } from '../engine/definition.js';
import type { Effect } from '../engine/effects.js';
import { mayUse } from '../engine/roles.js';
import type { BotEvent } from '../gitea/event.js';
import { type Answer, roleRefusal } from './answer.js';
import type { CommandSpec } from './catalog.js';
import type { CommandFacts, ProgramCommand } from './command.js';
import { answerElsewhere } from './elsewhere.js';

export type CommandsInput = {
  commands: readonly ProgramCommand[];
  /** Every command the bot answers anywhere (src/commands/catalog.ts), to say where a misplaced one works. */
  catalog: readonly CommandSpec[];
  /** The comment's command lines no workflow running on this issue answers, in the order written. */
  lines: readonly CommandLine[];
  event: BotEvent;
  config: ProgramConfig;
  facts: CommandFacts;
  roles: ReadonlySet<Role>;
};

/**
 * A program command's second line in one comment. Every program command keys what it records on
 * the comment (a ping's id, a history event's id, a termination's key), so a second `/ping` would
 * overwrite the first and a second `/nodes @op` be dropped, while both were answered as done.
 */
export const repeatedInComment = (name: string) =>
  `not applied: \`/${name}\` is applied once per comment (the first one above); write this one in a new comment.`;

/**
 * The comment's lines that no workflow here answers → the program commands' effects and the
 * answers (parse → permission → act → reply, as Prow's plugins). A line that is a command of
 * another place gets an answer saying where it works; a program command's second line in the
 * comment is refused (`repeatedInComment`). Pure, like the workflows' decide.
 */
export function decideCommands(input: CommandsInput): { effects: Effect[]; answers: Answer[] } {
  const byName = new Map(input.commands.map((c) => [c.name, c]));
  const answers: Answer[] = [];
  const effects: Effect[] = [];
  const used = new Set<string>();
  for (const line of input.lines) {
    const command = byName.get(line.name);
    if (!command) {
      const text = answerElsewhere(line, input.catalog);
      if (text) answers.push({ line, text });
      continue;
    }
    if (used.has(command.name)) {
      answers.push({ line, text: repeatedInComment(command.name) });
      continue;
    }
    used.add(command.name);
    if (!mayUse(input.roles, command.roles)) {
      answers.push({ line, text: roleRefusal(command.roles) });
      continue;
    }
    const result = command.run({ ...input, command: line });
    if (typeof result === 'string') {
      answers.push({ line, text: result });
      continue;
    }
    if (result.reply) answers.push({ line, text: result.reply, bare: true });
    effects.push(...(result.effects ?? []));
  }
  return { effects, answers };
}
