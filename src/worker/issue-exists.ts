import type { IssueWriter } from '../gitea/writer.js';

/** Thrown before a write outside Gitea when the event's issue turned out deleted (handle-event.ts ends the job quietly). */
export class IssueGone extends Error {
  constructor() {
    super('the issue is gone (deleted in Gitea)');
  }
}

/**
 * Whether an event's issue is known to exist, for an event decided without reading it (a comment
 * delivery: src/worker/issue-now.ts). Gitea sends no webhook when an issue is deleted
 * (go-gitea/gitea#34591): such an event's first write to the issue in Gitea answers 404, but a
 * write outside Gitea (a report, a payment, a ping's answer, the instance) may come first, and
 * would then count a comment that no longer exists anywhere. So before each of those, `confirm`
 * reads the issue once, unless a write to it in Gitea already succeeded (`seen`).
 * `exists`: the read (true when the issue is there); undefined when the issue was read before
 * deciding, or is not read at all (rebuild, replay): nothing to confirm.
 */
export function issueExistence(exists?: () => Promise<boolean>) {
  let known = exists === undefined;
  return {
    /** A write to the issue in Gitea succeeded. */
    seen(): void {
      known = true;
    },
    /** Resolves when the issue exists (one read at most); throws IssueGone when it does not, or what the read throws. */
    async confirm(): Promise<void> {
      if (known || !exists) return;
      if (!(await exists())) throw new IssueGone();
      known = true;
    },
  };
}

export type IssueExistence = ReturnType<typeof issueExistence>;

/** `writer` noting each write that succeeded in Gitea as proof that the issue exists. */
export function confirming(writer: IssueWriter, existence: IssueExistence): IssueWriter {
  const wrapped: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(writer)) {
    if (typeof member !== 'function') {
      wrapped[name] = member;
      continue;
    }
    const write = member as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = async (...args: unknown[]) => {
      const result = await write(...args);
      existence.seen();
      return result;
    };
  }
  return wrapped as IssueWriter;
}
