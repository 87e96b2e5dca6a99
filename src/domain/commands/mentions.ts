import { parseCommands } from './parse.js';

const MENTION = /^@([A-Za-z0-9][A-Za-z0-9._-]*)$/;

/** `@login` arguments of the commands in a comment, lower-cased, each once. */
export function mentionedLogins(body: string): string[] {
  const logins = parseCommands(body).flatMap((command) =>
    command.args.flatMap((arg) => {
      const login = MENTION.exec(arg)?.[1];
      return login ? [login.toLowerCase()] : [];
    }),
  );
  return [...new Set(logins)];
}

/** The login of an `@login` argument, or undefined when it is not a mention. */
export const mentionArg = (arg: string | undefined) => (arg ? MENTION.exec(arg)?.[1] : undefined);
