import damerauLevenshtein from 'damerau-levenshtein';
import { type CommandLine, MAX_COMMANDS_PER_COMMENT } from '../domain/commands/parse.js';
import type { Answer } from './answer.js';
import { type CommandSpec, describePlace } from './catalog.js';

/**
 * The answer to a command line nobody here answers, so that a person is never left in silence:
 * a command of another place says where it works; a near miss of a known name (`/aprove`) asks
 * whether another was meant. Anything else (`/shrug`, a path) is text, and gets no answer.
 */
export function answerElsewhere(line: CommandLine, catalog: readonly CommandSpec[]): string | undefined {
  const places = catalog.filter((spec) => spec.name === line.name).map((spec) => describePlace(spec.where));
  if (places.length > 0) {
    return `this command works in ${[...new Set(places)].join('; ')}, not here. \`/help\` lists what you can do here.`;
  }
  if (line.name.length < 3) return undefined;
  const names = [...new Set(catalog.map((spec) => spec.name))];
  const allowed = (name: string) => (name.length > 5 ? 2 : 1);
  // The distance is at least the difference in length: an outsized name is compared with nothing.
  const near = names
    .filter((name) => Math.abs(name.length - line.name.length) <= allowed(name))
    .map((name) => ({ name, d: damerauLevenshtein(line.name, name).steps }))
    .filter(({ name, d }) => d <= allowed(name))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  if (near.length === 0) return undefined;
  return `unknown command; did you mean ${near.map(({ name }) => `\`/${name}\``).join(' or ')}? Write it in a new comment (the bot does not look at edits). \`/help\` lists what you can do here.`;
}

/**
 * The answer to the first command line past the MAX_COMMANDS_PER_COMMENT a comment is read for,
 * when it names a command (or nearly does): it was not applied, and is to be written again.
 * Plain text that looks like a command (`/shrug`) gets no answer, as within the limit.
 */
export function unreadLine(
  line: CommandLine | undefined,
  catalog: readonly CommandSpec[],
): Answer | undefined {
  if (!line || answerElsewhere(line, catalog) === undefined) return undefined;
  return {
    line,
    text: `not read: a comment is read for its first ${MAX_COMMANDS_PER_COMMENT} command lines; write this one and those after it in a new comment.`,
  };
}
