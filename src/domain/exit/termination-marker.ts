import { z } from 'zod';

import { markerJson } from '../text/marker-json.js';

/** The kind of the signed marker that records a termination in the issue the bot opens for it. */
export const TERMINATION_MARKER = 'termination';
const MARKER = `operator-bot:${TERMINATION_MARKER}`;

/** What the bot writes into a termination issue it opens: whom, why, and whether it is only proposed. */
export const terminationSchema = z.object({
  login: z.string(),
  reason: z.string(),
  by: z.string(),
  mode: z.enum(['recorded', 'proposed']),
  at: z.string(),
});

export type Termination = z.output<typeof terminationSchema>;

/** The marker the program issue writer signs into the termination issue. */
export const terminationMarker = (termination: Termination) => ({
  kind: TERMINATION_MARKER,
  payload: markerJson(termination),
});

/**
 * The termination recorded in an issue body as the worker hands it to decide (only signed markers
 * survive there, src/domain/text/trusted-body.ts); trust it only in issues the bot opened.
 */
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
