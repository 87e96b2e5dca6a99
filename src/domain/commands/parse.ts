import { cleanBody } from '../application/markdown.js';

export type CommandLine = {
  name: string;
  args: string[];
  /** The command's line as written. */
  raw: string;
  /** Everything after the command's name to the end of the comment (for multi-line commands like `/report`). */
  rest: string;
};

export const MAX_COMMANDS_PER_COMMENT = 10;
/** Commands are read from the first 64 KiB of a comment only. */
export const MAX_COMMAND_TEXT = 65_536;
const COMMAND = /^\/([a-z][a-z-]*)(?:\s+(.*))?$/i;

/**
 * Commands in a comment: lines starting with `/word`. Lines inside fenced code blocks, indented
 * code and quotes are text, not commands; at most MAX_COMMANDS_PER_COMMENT are taken.
 */
export function parseCommands(body: string): CommandLine[] {
  const commands: CommandLine[] = [];
  let fence: string | undefined;
  const lines = cleanBody(body.slice(0, MAX_COMMAND_TEXT)).split('\n');
  for (const [index, rawLine] of lines.entries()) {
    const trimmed = rawLine.trim();
    const fenceMatch = /^(```|~~~)/.exec(trimmed);
    if (fenceMatch) {
      if (fence === undefined) fence = fenceMatch[1];
      else if (trimmed.startsWith(fence)) fence = undefined;
      continue;
    }
    if (fence !== undefined || /^( {4}|\t)/.test(rawLine) || trimmed.startsWith('>')) continue;
    const match = COMMAND.exec(trimmed);
    if (!match) continue;
    const args = (match[2] ?? '').trim();
    commands.push({
      name: (match[1] as string).toLowerCase(),
      args: args ? args.split(/\s+/) : [],
      raw: trimmed,
      rest: [args, ...lines.slice(index + 1)].join('\n'),
    });
    if (commands.length >= MAX_COMMANDS_PER_COMMENT) break;
  }
  return commands;
}
