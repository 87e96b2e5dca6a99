import { type CommandLine, MAX_COMMANDS_PER_COMMENT } from '../domain/commands/parse.js';
import type { Answer } from './answer.js';
import { type CommandSpec, describePlace } from './catalog.js';

/** Edit distance of two short command names (insert, delete, replace, swap of neighbours cost 1). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

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
    .map((name) => ({ name, d: distance(line.name, name) }))
    .filter(({ name, d }) => d <= allowed(name))
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name));
  if (near.length === 0) return undefined;
  return `unknown command; did you mean ${near.map(({ name }) => `\`/${name}\``).join(' or ')}? \`/help\` lists what you can do here.`;
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
