import { z } from 'zod';

const MARKER = 'operator-bot:termination';

/** What the bot writes into a termination issue it opens: whom, why, and whether it is only proposed. */
export const terminationSchema = z.object({
  login: z.string(),
  reason: z.string(),
  by: z.string(),
  mode: z.enum(['recorded', 'proposed']),
  at: z.string(),
});

export type Termination = z.output<typeof terminationSchema>;

export const terminationMarker = (termination: Termination) =>
  `<!-- ${MARKER} ${JSON.stringify(termination)} -->`;

/** The termination marker of an issue body, if any (trust it only in issues the bot opened). */
export function readTermination(body: string): Termination | undefined {
  const json = new RegExp(`<!-- ${MARKER} (\\{.*?\\}) -->`).exec(body)?.[1];
  if (!json) return undefined;
  try {
    const parsed = terminationSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
