import type { CommandLine } from '../domain/commands/parse.js';
import { echo } from '../domain/text/echo.js';
import type { Role } from '../engine/definition.js';
import type { Effect } from '../engine/effects.js';
import { describeRoles } from '../engine/roles.js';
import { sealedWord } from './sealed-answers.js';

/**
 * What the bot says about one command line. `line` is the command it answers, echoed back inert
 * before `text` unless `bare` (`/status`, `/help`, and a step that followed on its own, like a
 * training that completed). `linkStatusOf` names the workflow whose status comment to link.
 */
export type Answer = {
  line?: CommandLine;
  text: string;
  bare?: boolean;
  linkStatusOf?: string;
};

/** The one refusal of a command by role: `only a maintainer or the mentor may use this.` */
export const roleRefusal = (roles: readonly Role[]) => `only ${describeRoles(roles)} may use this.`;

/** An answer's text as written: the command echoed inert (src/domain/text/echo.ts), then the text. */
export const answerText = (answer: Answer) =>
  answer.line && !answer.bare ? `${echo(answer.line)}: ${answer.text}` : answer.text;

/**
 * One comment's answers in the order its command lines were written → the one reply to it (a
 * `reply` effect, posted once per comment by the writer), or nothing when nothing is to be said.
 */
export function replyToComment(
  commentId: number,
  lines: readonly CommandLine[],
  answers: readonly Answer[],
): Effect[] {
  if (answers.length === 0) return [];
  const position = (answer: Answer) => (answer.line ? lines.indexOf(answer.line) : lines.length);
  const ordered = answers
    .map((answer, index) => ({ answer, index }))
    .sort((a, b) => position(a.answer) - position(b.answer) || a.index - b.index)
    .map(({ answer }) => answer);
  const linkStatusOf = ordered.find((answer) => answer.linkStatusOf)?.linkStatusOf;
  // What rebuild must read back of an answer is signed into the reply, not read from its text.
  const sealed = ordered.flatMap((answer) => {
    const word = sealedWord(answer);
    return word ? [`${word}@${position(answer)}`] : [];
  });
  return [
    {
      type: 'reply',
      toCommentId: commentId,
      body: ordered.map(answerText).join('\n\n'),
      ...(linkStatusOf ? { linkStatusOf } : {}),
      ...(sealed.length > 0 ? { sealed } : {}),
    },
  ];
}
