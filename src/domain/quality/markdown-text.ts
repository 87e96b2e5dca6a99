import { inert } from '../text/inert.js';
/** Text from a pull request (a file name, a sign-off) as an inert code span: see src/domain/text/inert.ts. */
export const codeSpan = (text: string): string => inert(text).text;

/** `1 commit`, `2 commits`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
