import { z } from 'zod';

export const emailSchema = z.email();

/** The address in `a@b.c`, `<a@b.c>`, `mailto:a@b.c` or `[a@b.c](mailto:a@b.c)`. */
export function parseEmail(text: string): string {
  const link = /^\[([^\]]*)\]\(([^)]*)\)/.exec(text.trim());
  const written = link ? (link[1] ?? '') : text;
  return written
    .trim()
    .replace(/^<|>$/g, '')
    .replace(/^mailto:/i, '')
    .trim();
}

export function isEmail(text: string): boolean {
  return emailSchema.safeParse(text).success;
}
