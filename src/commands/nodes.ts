import { mentionArg } from '../domain/commands/mentions.js';
import { commentEventId } from '../domain/history/comment-event.js';
import { readNodeChange } from '../domain/history/node-change.js';
import type { OperatorRecord } from '../domain/operator-record.js';
import { unknownLogin } from '../domain/text/inert.js';
import type { Effect } from '../engine/effects.js';
import type { CommandContext, CommandResult, ProgramCommand } from './command.js';

const onProgram = (record: OperatorRecord | undefined): record is OperatorRecord =>
  record?.status === 'active' || record?.status === 'exiting';

const maintainers = (ctx: CommandContext) =>
  ctx.config.maintainers.users.map((login) => `@${login}`).join(' ') || 'Maintainers';

/** The history event of a node change and the reply saying what it does to pay. */
function change(ctx: CommandContext, operator: OperatorRecord, nodes: number, from: string): CommandResult {
  const effect: Effect = {
    type: 'recordOperatorEvent',
    login: operator.login,
    event: {
      id: commentEventId('nodes', ctx.event),
      type: 'nodes',
      at: ctx.event.at,
      by: ctx.event.actor,
      from,
      nodes,
    },
  };
  const paid = Math.min(nodes, ctx.config.onboarding.maxNodes);
  const unpaid =
    nodes > paid ? ` (${nodes - paid} beyond ${ctx.config.onboarding.maxNodes} are not paid)` : '';
  return {
    reply: `@${operator.login} runs ${nodes} node(s) from ${from} (was ${operator.nodes})${unpaid}; pay is pro-rated by day from then on, earlier days keep their count.`,
    effects: [effect],
  };
}

/** A maintainer's `/nodes @op N [YYYY-MM-DD]` or `/nodes @op confirm`. */
function byMaintainer(ctx: CommandContext, login: string): CommandResult | string {
  const operator = ctx.facts.mentioned[login.toLowerCase()];
  if (!onProgram(operator)) return `${unknownLogin(login)} is not an operator on the program.`;
  const args = ctx.command.args.slice(1);
  if (args[0]?.toLowerCase() === 'confirm') {
    const pending = operator.pendingNodes;
    if (!pending)
      return `@${operator.login} has no node change waiting; write \`/nodes @${operator.login} N [YYYY-MM-DD]\`.`;
    const checked = readNodeChange([String(pending.nodes), pending.from], ctx.event.at, ctx.facts.paidMonths);
    if (typeof checked === 'string') return checked;
    return change(ctx, operator, checked.nodes, checked.from);
  }
  const checked = readNodeChange(args, ctx.event.at, ctx.facts.paidMonths);
  if (typeof checked === 'string') return checked;
  return change(ctx, operator, checked.nodes, checked.from);
}

/** An operator's `/nodes N [YYYY-MM-DD]`: recorded as a request for a maintainer to confirm. */
function byOperator(ctx: CommandContext): CommandResult | string {
  const operator = ctx.facts.actor;
  if (!onProgram(operator)) return 'only an operator on the program can ask to change its node count.';
  const checked = readNodeChange(ctx.command.args, ctx.event.at, ctx.facts.paidMonths);
  if (typeof checked === 'string') return checked;
  const effect: Effect = {
    type: 'recordOperatorEvent',
    login: operator.login,
    event: {
      id: commentEventId('nodes-requested', ctx.event),
      type: 'nodes-requested',
      at: ctx.event.at,
      by: ctx.event.actor,
      from: checked.from,
      nodes: checked.nodes,
    },
  };
  return {
    reply: `${maintainers(ctx)}: @${operator.login} asks to run ${checked.nodes} node(s) from ${checked.from} (now ${operator.nodes}). Confirm with \`/nodes @${operator.login} confirm\`, or set another count with \`/nodes @${operator.login} N YYYY-MM-DD\`.`,
    effects: [effect],
  };
}

/**
 * `/nodes @op N [YYYY-MM-DD]` — a maintainer changes an operator's node count from a day
 * (default today; the month under review at the earliest); `/nodes @op confirm` applies the
 * operator's request; `/nodes N [YYYY-MM-DD]` — an operator asks for it. Each is appended to the
 * operator's history; the extra-node pay is pro-rated by day (PROGRAM.md "Compensation").
 */
export const nodesCommand: ProgramCommand = {
  name: 'nodes',
  help: '/nodes @op N [YYYY-MM-DD] — set an operator’s node count from that day (maintainers; `/nodes @op confirm` applies a request) · `/nodes N`: ask for yours to change (operators)',
  roles: ['maintainer', 'operator'],
  run: (ctx) => {
    const login = mentionArg(ctx.command.args[0]);
    if (login) {
      if (!ctx.roles.has('maintainer'))
        return `only maintainers change another operator's node count; ask for yours with \`/nodes N\`.`;
      return byMaintainer(ctx, login);
    }
    if (!ctx.roles.has('operator'))
      return 'name the operator: `/nodes @operator N [YYYY-MM-DD]` (or `/nodes @operator confirm`).';
    return byOperator(ctx);
  },
};
