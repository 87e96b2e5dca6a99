import type { Token } from 'markdown-it';
import { offsetsInsideMarkup } from '../markdown/inline.js';
import { type MarkdownEnv, parseBlocks } from '../markdown/parser.js';
import { normalizeText } from '../markdown/text.js';
import { readLately } from '../text/read-lately.js';

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
const LOOKS_LIKE_COMMAND = /^[ \t]*\/[a-z]/i;

/**
 * Commands in a comment: lines that start with `/word` and render as plain text in a top-level
 * paragraph, by CommonMark. A line inside a code block (fenced, of any fence length, or
 * indented), a quote (lazy continuation lines included), a list, an HTML block, a heading, or
 * one that starts inside inline code, a link or inline HTML is text, not a command. Unicode line
 * and paragraph separators end a line. At most `max` (MAX_COMMANDS_PER_COMMENT) commands are
 * taken from the first MAX_COMMAND_TEXT characters (the worker asks for one more, to answer the
 * first line it does not read). Linear in the text read.
 */
export function parseCommands(body: string, max = MAX_COMMANDS_PER_COMMENT): CommandLine[] {
  // Only the text read is the key: what is kept stays under KEPT × MAX_COMMAND_TEXT however long the comments.
  const read = String(body).slice(0, MAX_COMMAND_TEXT);
  return [...parsedLately(`${max}\n${read}`, () => readCommands(read, max))];
}

/**
 * Comments parsed lately, by `max` and body: one event asks for its comment's commands several
 * times (the worker, each workflow's mentions, rebuild's plan), and parsing is a markdown pass.
 */
const parsedLately = readLately<CommandLine[]>(64);

function readCommands(body: string, max: number): CommandLine[] {
  const text = normalizeText(String(body).slice(0, MAX_COMMAND_TEXT));
  const lines = text.split('\n');
  const commands: CommandLine[] = [];
  for (const lineIndex of commandLineIndexes(text)) {
    const trimmed = (lines[lineIndex] ?? '').trim();
    const match = COMMAND.exec(trimmed);
    if (!match) continue;
    const args = (match[2] ?? '').trim();
    commands.push({
      name: (match[1] as string).toLowerCase(),
      args: args ? args.split(/\s+/) : [],
      raw: trimmed,
      rest: [args, ...lines.slice(lineIndex + 1)].join('\n'),
    });
    if (commands.length >= max) break;
  }
  return commands;
}

/** Indexes (0-based) of the lines of `text` that start with `/x` as plain paragraph text. */
function commandLineIndexes(text: string): number[] {
  const env: MarkdownEnv = {};
  const tokens = parseBlocks(text, env);
  const found: number[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.type !== 'inline' || token.level !== 1 || !token.map) continue;
    if (tokens[index - 1]?.type !== 'paragraph_open') continue;
    found.push(...plainCommandLines(token, env));
  }
  return found;
}

function plainCommandLines(paragraph: Token, env: MarkdownEnv): number[] {
  const first = paragraph.map?.[0] ?? 0;
  const candidates: { line: number; offset: number }[] = [];
  let offset = 0;
  for (const [index, line] of paragraph.content.split('\n').entries()) {
    if (LOOKS_LIKE_COMMAND.test(line)) {
      candidates.push({ line: first + index, offset: offset + line.length - line.trimStart().length });
    }
    offset += line.length + 1;
  }
  // Nothing can start before a paragraph's first line: that one needs no inline pass.
  if (candidates.every((candidate) => candidate.offset === 0)) return candidates.map((c) => c.line);
  const inside = offsetsInsideMarkup(
    paragraph.content,
    candidates.map((candidate) => candidate.offset),
    env,
  );
  return candidates.filter((candidate) => !inside.has(candidate.offset)).map((candidate) => candidate.line);
}
