import { md } from '../domain/markdown/compose.js';
import type { BotEvent } from '../gitea/event.js';
import type { Role, Transition, WorkflowDefinition } from './definition.js';
import type { Effect } from './effects.js';
import { describeRoles, mayUse } from './roles.js';

/** Who may close or reopen a workflow issue when no transition of its state says: its author or a maintainer. */
const DEFAULT_ROLES: readonly Role[] = ['author', 'maintainer'];

export type IssueChange = {
  definition: WorkflowDefinition;
  state: string;
  event: BotEvent;
  roles: ReadonlySet<Role>;
  /** When the instance last changed: a label event no later than that may predate the bot's own label. */
  updatedAt: string;
};

/**
 * What the bot does about a change a person made to a workflow issue outside the commands:
 * closing or reopening it, or changing its state labels. A close or reopen moves the state only
 * when the person's role allows the transition it would take (e.g. closing an alert is
 * `/resolve`: the responsible operator or a maintainer); otherwise the bot puts the issue back
 * and says why, once per person. State labels mirror the state and never move it: the bot puts
 * its label back (the writer says why only when it really had to). An edit its state's transitions
 * do not allow the person is not read (refuseEdit). Undefined: nothing to undo.
 */
export function undoIssueChange(change: IssueChange): Effect[] | undefined {
  const { event } = change;
  if (event.kind === 'issue.closed' || event.kind === 'issue.reopened') return undoOpenClose(change);
  if (event.kind === 'issue.labeled') return restoreLabel(change);
  if (event.kind === 'issue.edited') return refuseEdit(change);
  return undefined;
}

/**
 * An edit by someone the state's `edited` transitions do not allow (an application's form: its
 * author or a maintainer; Gitea lets any writer edit anyone's issue): not read, and said once per
 * person. Nothing is put back in Gitea; the workflow keeps what it read before.
 */
function refuseEdit({ definition, state, event, roles }: IssueChange): Effect[] | undefined {
  const candidates = definition.transitions.filter((t) => t.on === 'edited' && t.from.includes(state));
  if (candidates.length === 0) return undefined;
  const allowed = allowedRoles(candidates);
  if (allowed === 'anyone' || mayUse(roles, allowed)) return undefined;
  const body = md`@${event.actor}: only ${describeRoles(allowed)} may change its form, so the bot did not read this edit: it keeps the form as it was.`;
  return [{ type: 'postNote', key: `refused-edited-${event.actor.toLowerCase()}`, body: body.text }];
}

function undoOpenClose({ definition, state, event, roles }: IssueChange): Effect[] | undefined {
  const on = event.kind === 'issue.closed' ? 'closed' : 'reopened';
  const final = definition.states[state]?.final === true;
  // A finished workflow's issue may be closed by anyone; an unfinished one reopened after a close.
  if ((on === 'closed' && final) || (on === 'reopened' && !final)) return undefined;
  const candidates = definition.transitions.filter((t) => t.on === on && t.from.includes(state));
  const allowed = candidates.length > 0 ? allowedRoles(candidates) : DEFAULT_ROLES;
  if (allowed === 'anyone' || mayUse(roles, allowed)) return undefined;
  const instead = commandFor(definition, state, candidates);
  const verb = on === 'closed' ? 'close' : 'reopen';
  const body = md`@${event.actor}: only ${describeRoles(allowed)} may ${verb} this issue, so the bot ${
    on === 'closed' ? 'reopened' : 'closed'
  } it again.${instead ? md` To move it on, use ${md`\`${instead}\``}.` : ''}`;
  return [
    { type: on === 'closed' ? 'reopenIssue' : 'closeIssue' },
    { type: 'postNote', key: `refused-${on}-${event.actor.toLowerCase()}`, body: body.text },
  ];
}

function restoreLabel({ definition, state, event, updatedAt }: IssueChange): Effect[] | undefined {
  const scope = definition.labelScope;
  const label = `${scope}/${state}`;
  const ofScope = event.issue.labels.filter((l) => l.startsWith(`${scope}/`));
  if (ofScope.length === 1 && ofScope[0] === label) return undefined;
  // Without any label of the scope, a delivery from before the bot's last change (a redelivered
  // trigger label) is stale, not a removal.
  if (ofScope.length === 0 && event.at <= updatedAt) return undefined;
  const body = md`@${event.actor}: the ${md`\`${scope}/…\``} label follows the workflow's state (**${state}**) and changes only with its commands (${md`\`/help\``}), so the bot put ${md`\`${label}\``} back.`;
  return [
    {
      type: 'restoreStateLabel',
      scope,
      label,
      noteKey: `refused-label-${event.actor.toLowerCase()}`,
      note: body.text,
    },
  ];
}

function allowedRoles(candidates: readonly Transition[]): readonly Role[] | 'anyone' {
  if (candidates.some((t) => !t.roles)) return 'anyone';
  return [...new Set(candidates.flatMap((t) => t.roles ?? []))];
}

/** The command that takes the issue where the change would have (closing an alert: `/resolve NOTE`). */
function commandFor(definition: WorkflowDefinition, state: string, candidates: readonly Transition[]) {
  const targets = new Set(candidates.map((t) => t.to));
  return definition.transitions
    .find((t) => t.help && t.from.includes(state) && targets.has(t.to))
    ?.help?.split(' — ')[0];
}
