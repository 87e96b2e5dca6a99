import type { Comment, Issue } from 'gitea-js';
import { STATE_MARKER } from '../engine/effects.js';
import { type ActedInput, actedInputSchema, BODY_INPUT, digestOf } from '../engine/inputs.js';
import type { BotEvent } from '../gitea/event.js';

/** One issue's history, made to say what the bot saw; and what changed since, to report. */
export type CheckedInputs = {
  comments: Comment[];
  findings: string[];
  skipIssue: boolean;
  /** Comments replayed from their record: id → the digest the bot recorded. */
  recorded: Map<number, string>;
};

const MARKER = new RegExp(`<!-- ${STATE_MARKER} (\\{.*\\}) -->`);

/** The inputs recorded in the bot's status comments of one issue, and each workflow's state there. */
export function recordedInputs(comments: readonly Comment[], botLogin: string) {
  const inputs: Record<string, ActedInput> = {};
  const states: { workflow: string; state: string }[] = [];
  for (const comment of comments) {
    if (comment.user?.login?.toLowerCase() !== botLogin.toLowerCase()) continue;
    const json = MARKER.exec(comment.body ?? '')?.[1];
    if (!json) continue;
    try {
      const marker = JSON.parse(json) as { workflow?: string; state?: string; inputs?: unknown };
      if (marker.workflow && marker.state) states.push({ workflow: marker.workflow, state: marker.state });
      for (const [key, value] of Object.entries((marker.inputs ?? {}) as Record<string, unknown>)) {
        const input = actedInputSchema.safeParse(value);
        if (input.success) inputs[key] = input.data;
      }
    } catch {
      // A marker that is not JSON was not written by this bot version: nothing recorded.
    }
  }
  return { inputs, states };
}

/**
 * Compares one issue with the inputs the bot recorded having acted on (PROGRAM: rebuild gives the
 * state the live bot had). A command comment edited or deleted since is replayed as the bot saw
 * it (its recorded commands, author and time) and reported. An issue body edited after its
 * workflow ended is reported and the issue is not replayed: the bot never saw that body, and a
 * digest cannot give back the one it did.
 */
export function checkInputs(
  ref: string,
  issue: Issue,
  comments: readonly Comment[],
  botLogin: string,
  isFinal: (workflow: string, state: string) => boolean,
): CheckedInputs {
  const { inputs, states } = recordedInputs(comments, botLogin);
  const findings: string[] = [];
  const byId = new Map(comments.map((c) => [String(c.id), c]));
  const recorded = new Map<number, string>();
  const replayed = comments.map((comment) => {
    const input = inputs[String(comment.id)];
    if (!input?.commands || digestOf(comment.body ?? '') === input.digest) return comment;
    findings.push(
      `${ref}: comment ${comment.id} by @${input.by ?? '?'} was edited after the bot applied it; replayed as the bot saw it`,
    );
    recorded.set(comment.id ?? 0, input.digest);
    return { ...comment, body: input.commands };
  });
  for (const [key, input] of Object.entries(inputs)) {
    if (key === BODY_INPUT || byId.has(key) || !input.commands) continue;
    findings.push(
      `${ref}: comment ${key} by @${input.by ?? '?'} was deleted after the bot applied it; replayed as the bot saw it`,
    );
    recorded.set(Number(key), input.digest);
    replayed.push({
      id: Number(key),
      body: input.commands,
      user: { login: input.by ?? '' },
      created_at: input.at,
    });
  }
  const body = inputs[BODY_INPUT];
  const byBot = issue.user?.login?.toLowerCase() === botLogin.toLowerCase();
  const ended = states.length > 0 && states.every((s) => isFinal(s.workflow, s.state));
  const skipIssue = !byBot && ended && body !== undefined && digestOf(issue.body ?? '') !== body.digest;
  if (skipIssue) {
    findings.push(
      `${ref}: the issue body was edited after its workflow ended, so the bot never acted on it; not replayed — restore the version of ${body.at} (Gitea keeps each edit: the issue's "edited" menu) and run rebuild again`,
    );
  }
  return { comments: replayed, findings, skipIssue, recorded };
}

/** A history event of a comment replayed from its record keeps the digest the bot recorded. */
export function asRecorded(event: BotEvent, recorded: ReadonlyMap<number, string>): BotEvent {
  const digest = event.comment && recorded.get(event.comment.id);
  return digest && event.comment ? { ...event, comment: { ...event.comment, digest } } : event;
}
