import type { Logger } from 'pino';
import type { Answer } from '../commands/answer.js';
import { decideCommands } from '../commands/any-issue.js';
import type { CommandSpec } from '../commands/catalog.js';
import type { ProgramCommand } from '../commands/command.js';
import type { ProgramConfig } from '../config/program.js';
import type { CommandLine } from '../domain/commands/parse.js';
import type { Effect } from '../engine/effects.js';
import type { Facts } from '../engine/module.js';
import type { BotEvent } from '../gitea/event.js';
import type { MaintainerCheck } from '../gitea/maintainers.js';
import type { IssueWriter } from '../gitea/writer.js';
import type { AppliedCommandStore } from '../store/applied-commands.js';
import { issueKey } from '../store/keys.js';
import type { ReportStore } from '../store/reports.js';
import { decideAsActor } from './actor-roles.js';
import { PAYROLL_INPUTS } from './apply-effect.js';

/** Program commands that take an effective day, refused in a paid month. */
const DATED: ReadonlySet<string> = new Set(['nodes', 'wallet']);

export type ProgramCommandRun = {
  event: BotEvent;
  config: ProgramConfig;
  /** The comment's command lines no workflow of the issue answers. */
  lines: readonly CommandLine[];
  writer: IssueWriter;
  log: Logger;
  isMaintainer: MaintainerCheck;
  /** Applies one effect (handle-event.ts: effects outside Gitea wait until the issue is known to exist). */
  apply: (
    effect: Effect,
    writer: IssueWriter,
    workflow: string,
    event: BotEvent,
    log: Logger,
  ) => Promise<void>;
};

/**
 * Commands usable in any issue (`/report`, `/ping`…) and misplaced ones: decides and applies the
 * lines no workflow of the issue answers. Undefined when the event is no comment or the comment's
 * commands were applied already (applied once, ever); else the answers, whether a payroll input
 * changed, and whether the comment is to be recorded as applied.
 */
export function createProgramCommandRunner(
  deps: {
    appliedCommands: AppliedCommandStore;
    reports: ReportStore;
    commands: readonly ProgramCommand[];
    catalog: readonly CommandSpec[];
    /** The months whose payroll is paid and closed. */
    paidMonths: () => Promise<string[]>;
  },
  loadFacts: (event: BotEvent, workflow: string, self: string) => Promise<Facts>,
) {
  return async function runProgramCommands(
    run: ProgramCommandRun,
  ): Promise<{ answers: Answer[]; inputsChanged: boolean; record: boolean } | undefined> {
    const { event, config, lines, writer, log, isMaintainer, apply } = run;
    const commentId = event.comment?.id;
    if (commentId === undefined) return undefined;
    if (await deps.appliedCommands.has(event.repo, event.issue.number, commentId)) {
      log.info({ commentId }, 'commands of this comment were applied already');
      return undefined;
    }
    const facts = await loadFacts(event, '', issueKey(event.repo, event.issue.number));
    const reports = await deps.reports.of(event.actor);
    // A week's report stored by this very comment on an earlier try counts as the one it replaced.
    const actorReportWeeks = Object.fromEntries(
      reports.map(({ report, source }) => [
        report.week,
        source.commentId === commentId ? (source.replaces ?? commentId) : source.commentId,
      ]),
    );
    // The months whose payroll is paid, when a command of the comment sets an effective day.
    const paidMonths = lines.some((c) => DATED.has(c.name)) ? await deps.paidMonths() : [];
    const { effects, answers } = await decideAsActor(event, null, facts, isMaintainer, (roles) =>
      decideCommands({
        commands: deps.commands,
        catalog: deps.catalog,
        lines,
        event,
        config,
        facts: { ...facts, actorReportWeeks, paidMonths },
        roles,
      }),
    );
    for (const effect of effects) await apply(effect, writer, '', event, log);
    return {
      answers,
      inputsChanged: effects.some((effect) => PAYROLL_INPUTS.has(effect.type)),
      record: effects.length > 0 || answers.length > 0,
    };
  };
}
