import { parseApplication } from './parse.js';

/** How many answers make a body an application form rather than an issue that mentions one. */
const MIN_ANSWERS = 8;

/**
 * Whether an issue body is an operator application (the issue form's rendering or the program's
 * markdown template), so the bot can add the `operator-application` label Gitea did not set —
 * forms only apply labels for submitters with write access.
 */
export function looksLikeApplication(body: string): boolean {
  const { values } = parseApplication(body);
  return (
    Object.values(values).filter((value) => value !== undefined && value.trim() !== '').length >= MIN_ANSWERS
  );
}
