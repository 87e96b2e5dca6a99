export type CommandLine = { name: string; args: string[]; raw: string };

export const MAX_COMMANDS_PER_COMMENT = 10;
const COMMAND = /^\/([a-z][a-z-]*)(?:\s+(.*))?$/i;

/**
 * Commands in a comment: lines starting with `/word`. Lines inside fenced code blocks, indented
 * code and quotes are text, not commands; at most MAX_COMMANDS_PER_COMMENT are taken.
 */
export function parseCommands(body: string): CommandLine[] {
  const commands: CommandLine[] = [];
  let fence: string | undefined;
  for (const rawLine of stripHtmlComments(body).split(/\r?\n/)) {
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
    });
    if (commands.length >= MAX_COMMANDS_PER_COMMENT) break;
  }
  return commands;
}

const stripHtmlComments = (text: string) => text.replace(/<!--[\s\S]*?-->/g, '');
