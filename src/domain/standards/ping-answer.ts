import { formatDuration } from '../time/duration.js';
import { formatUtc } from '../time/format.js';
import type { Ping } from './ping.js';

/**
 * A comment by `login` at `at` (ISO, UTC) in the ping's issue → the ping answered, with its
 * response time in ms and whether it came after the deadline; undefined when the comment is not
 * an answer (another person, or written before the question). Communication Standards, PROGRAM.md.
 */
export function answerOf(ping: Ping, login: string, at: string): Ping | undefined {
  if (ping.login.toLowerCase() !== login.toLowerCase() || at < ping.askedAt) return undefined;
  const responseMs = Date.parse(at) - Date.parse(ping.askedAt);
  return { ...ping, answeredAt: at, responseMs, missed: at > ping.dueAt };
}

/** The one reminder in the issue of a ping not answered by its deadline. */
export function missedPingNote(ping: Ping): string {
  const standard = formatDuration(Date.parse(ping.dueAt) - Date.parse(ping.askedAt));
  return `@${ping.login}: @${ping.by} asked you a question here on ${formatUtc(ping.askedAt)} and it is still unanswered after the response standard of ${standard} (\`standards.pingResponse\`). Please answer here.`;
}
