import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { composeRoad } from '../app/compose.js';
import type { Program } from '../app/program.js';
import { PROGRAM_COMMANDS } from '../commands/program.js';
import type { ProgramConfig } from '../config/program.js';
import type { OperatorRecord } from '../domain/operator-record.js';
import type { Comment, GiteaClient } from '../gitea/client.js';
import { dryRunClient } from '../gitea/dry-run.js';
import type { BotEvent } from '../gitea/event.js';
import { createInstanceStore } from '../store/instances.js';
import { issueContentKeys } from '../store/issue-contents.js';
import { clearDerivedState } from '../store/key-spaces.js';
import { createOperatorStore } from '../store/operators.js';
import { createPeople, peopleKeys } from '../store/people.js';
import { pingKeys } from '../store/pings.js';
import { rotationKeys } from '../store/rotations.js';
import {
  forgetStatusCommentsExcept,
  recordWritten,
  type WrittenRecords,
  writingKeys,
} from '../store/written.js';
import type { DelayedEvent } from '../worker/handle-event.js';
import { askedOnce } from './asked-once.js';
import { decidingReads } from './deciding-reads.js';
import { runInEventTime, type Sharing } from './event-time.js';
import { snapshotKeys } from './kept-state.js';
import { quietCommentIds } from './quiet-ids.js';
import { planReplay } from './replay-plan.js';

/** What the replay writes outside the derived state it clears: put back before a replay again. */
const KEPT_BUT_WRITTEN = [peopleKeys, pingKeys, rotationKeys, writingKeys, issueContentKeys];

export type ReplayInput = {
  redis: Redis;
  gitea: GiteaClient;
  config: ProgramConfig;
  program: Program;
  programRepo: string;
  botLogin: string;
  markerSecret: string;
  log: Logger;
  now: string;
  events: readonly BotEvent[];
  /** Operators imported from before the bot (records of `operators import` issues). */
  imported: readonly OperatorRecord[];
  /** Per issue, the comments the bot wrote (from their markers). */
  written: readonly {
    ref: { repo: { owner: string; name: string }; issue: number };
    written: WrittenRecords;
  }[];
  /** The comments read, by `owner/repo#N`: the replay's writer finds the bot's comments there. */
  commentsRead: ReadonlyMap<string, Comment[]>;
  /** Events in flight at most; 1 replays one after another. */
  concurrency: number;
  onProgress?: (done: number, total: number) => void;
};

/** A shared event did what only an event replayed alone may do (a timer, a rename): replay again alone. */
class Unforeseen extends Error {}

/**
 * Clears the derived state and replays `events` in event time through the worker's road, with
 * Gitea writes suppressed. Events planned as shared (replay-plan.ts) run `concurrency` at a time;
 * the result is the one of a replay one event after another. Should a shared event set a timer or
 * change someone's login after all (a person learnt from an `@login` the plan could not see), the
 * state it started from is put back and everything is replayed again one event after another.
 * Returns the timers still in the future.
 */
export async function replayHistory(input: ReplayInput): Promise<DelayedEvent[]> {
  if (input.concurrency <= 1) return replayOnce(input, 1);
  const restore = await snapshotKeys(input.redis, KEPT_BUT_WRITTEN);
  try {
    return await replayOnce(input, input.concurrency);
  } catch (error) {
    if (!(error instanceof Unforeseen)) throw error;
    input.log.info({ reason: error.message }, 'rebuild: replaying again one event after another');
    await restore();
    return replayOnce(input, 1);
  }
}

async function replayOnce(input: ReplayInput, concurrency: number): Promise<DelayedEvent[]> {
  const { redis, config, program } = input;
  // The queue, locks and the intake's dedupe keys stay (see each store's key space).
  await clearDerivedState(redis);
  // Operators imported from before the bot exist before the events that concern them replay.
  const registry = createOperatorStore(redis);
  for (const record of input.imported) await registry.put(record);
  // The ids of the comments the bot wrote, from their markers: the replay edits them (quietly),
  // and the worker after it edits them without looking them up again.
  // Each issue's own keys: recorded side by side, not one round trip after another.
  const recorded = await Promise.all(
    input.written.map(({ ref, written }) => recordWritten(redis, ref, written)),
  );
  const known = new Set<string>(recorded.flat());
  const timers: DelayedEvent[] = [];
  // Events planned as shared run only while no other kind does (event-time.ts): what happens
  // while one is in flight comes from a shared event.
  const shared = { running: 0 };
  const unforeseen: string[] = [];
  const notShared = (what: string) => {
    if (shared.running > 0) unforeseen.push(what);
  };
  // Commands the replay issues together (Promise.all in the stores and the worker, and events
  // replayed side by side) go out in one write.
  const replayRedis = redis.duplicate({ enableAutoPipelining: true });
  const commentId = quietCommentIds(input.events);
  const asked = askedOnce(input.gitea);
  const quiet = dryRunClient(
    {
      ...asked,
      listComments: async (repo, issue) =>
        input.commentsRead.get(`${repo.owner}/${repo.name}#${issue}`) ?? [],
      // Asked only to learn people the plan cannot foresee (an `@login`, a rename, records kept
      // by login adopted late): never by a shared event.
      userByLogin: (login) => {
        notShared(`@${login} asked of Gitea`);
        return input.gitea.userByLogin(login);
      },
      userById: (id) => {
        notShared(`user ${id} asked of Gitea`);
        return input.gitea.userById(id);
      },
    },
    () => undefined,
  );
  const core = composeRoad({
    ...program,
    redis: replayRedis,
    // The replay's writer looks for the bot's comments in what was just read, not in Gitea again;
    // what it writes gets an id of its issue's (quiet-ids.ts), whatever order events finish in.
    // Who is a maintainer is asked as the worker asks it: Gitea not answering fails the rebuild.
    gitea: {
      ...quiet,
      ...decidingReads(asked),
      createComment: async (repo, issue) => ({ id: commentId(repo, issue) }),
    },
    config,
    programRepo: input.programRepo,
    botLogin: input.botLogin,
    markerSecret: input.markerSecret,
    // Replaying history: the issues the bot opened are in it already, so none is opened (nor any
    // schedule's), nobody is notified again, and each event is decided on as it was, not on today's issue.
    openProgramIssue: async () => 0,
    notify: async () => [],
    readsIssues: false,
    enqueueAt: async (timer) => {
      notShared(`a timer (${timer.jobId})`);
      if (!timers.some((t) => t.jobId === timer.jobId)) timers.push(timer);
    },
    onRenamed: (event) => notShared(`a login changed (${event.repo}#${event.issue.number})`),
    log: input.log,
  });
  const future = await runInEventTime(
    input.events,
    async (event) => {
      await core.handleEvent(event);
    },
    timers,
    input.now,
    input.onProgress,
    concurrency > 1 ? sharing(input, concurrency, shared, unforeseen) : undefined,
  ).finally(() => replayRedis.disconnect());
  // Status comments the quiet replay "created" have no real id; the worker finds each by its marker.
  await forgetStatusCommentsExcept(redis, known);
  return future;
}

/**
 * Events side by side, as the plan allows; none while a payroll issue is open (a change of a
 * payroll input then queues its refresh, a timer: see workflows/payroll/refresh.ts).
 */
function sharing(
  input: ReplayInput,
  concurrency: number,
  shared: { running: number },
  unforeseen: string[],
): Sharing {
  const definitions = input.program.workflows.map((w) => w.definition);
  const payrollTrigger = definitions.find((d) => d.name === 'payroll')?.trigger;
  const instances = createInstanceStore(input.redis);
  let payrollOpen = false;
  return {
    concurrency,
    plan: async (rest) =>
      planReplay(
        rest,
        {
          definitions,
          programCommands: new Set(PROGRAM_COMMANDS.map((command) => command.name)),
          configLogins: [
            ...input.config.maintainers.users,
            ...input.config.escalation.contacts.filter((handle) => !handle.includes('/')),
          ],
        },
        await createPeople(input.redis).seen(),
      ),
    mayShare: () => !payrollOpen,
    runShared: async (run) => {
      shared.running += 1;
      try {
        await run();
      } finally {
        shared.running -= 1;
      }
      if (unforeseen.length > 0) throw new Unforeseen(unforeseen.join('; '));
    },
    afterSerial: async (event) => {
      if (payrollTrigger === undefined || !event.issue.labels.includes(payrollTrigger)) return;
      payrollOpen = (await instances.all()).some((i) => i.workflow === 'payroll' && i.state !== 'paid');
    },
  };
}
